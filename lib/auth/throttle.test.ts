import { describe, expect, it } from "vitest";
import { afterFailure, FREE_ATTEMPTS, waitMs, type ThrottleState } from "./throttle";

const t0 = new Date("2026-11-22T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, at = t0): ThrottleState | null {
  let s: ThrottleState | null = null;
  for (let i = 0; i < times; i++) s = afterFailure(s, at);
  return s;
}

describe("login throttle", () => {
  it("lets the first failures through without waiting", () => {
    expect(waitMs(fail(FREE_ATTEMPTS), t0)).toBe(0);
  });
  it("locks for 15 s after the free attempts, then doubles", () => {
    expect(waitMs(fail(FREE_ATTEMPTS + 1), t0)).toBe(15_000);
    expect(waitMs(fail(FREE_ATTEMPTS + 2), t0)).toBe(30_000);
    expect(waitMs(fail(FREE_ATTEMPTS + 3), t0)).toBe(60_000);
  });
  it("caps the lock at 15 minutes", () => expect(waitMs(fail(40), t0)).toBe(15 * 60_000));
  it("lets the login try again once the lock has passed", () => {
    expect(waitMs(fail(FREE_ATTEMPTS + 1), later(15_001))).toBe(0);
  });
  it("forgets failures after half an hour", () => {
    const s = afterFailure(fail(FREE_ATTEMPTS + 3), later(31 * 60_000));
    expect(s.failures).toBe(1);
    expect(s.lockedUntil).toBeNull();
  });
});
