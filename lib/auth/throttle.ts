// Slowing down repeated sign-in failures per login name. Pure state transitions; the server stores them.

export type ThrottleState = { failures: number; lastFailure: Date; lockedUntil: Date | null };

export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 15_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 30 * 60_000;

/** Milliseconds the login must still wait, 0 when it may try now. */
export function waitMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** After the free attempts, each failure doubles the lock: 15 s, 30 s, 60 s … capped at 15 min. */
export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailure.getTime() > FORGET_AFTER_MS;
  const failures = (stale ? 0 : state.failures) + 1;
  const over = failures - FREE_ATTEMPTS;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (over - 1))) : null;
  return { failures, lastFailure: now, lockedUntil };
}
