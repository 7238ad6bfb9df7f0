// The ledger stores reasons exactly as written (they are hashed into the audit chain), and a few are written by
// the server in English. Those are recognised here and shown in the reader's language; anything else was typed
// by a person and is shown as is. The patterns mirror lib/server/transfers/workflow.ts,
// lib/server/orders/operations.ts and prisma/seed/seed.ts: change them together.
import type { MessageKey, Translate } from "./index";

// A Map, not an object literal: a typed reason such as "constructor" must not find Object.prototype.
const FIXED = new Map<string, MessageKey>([
  ["transfer shipped", "audit.reason.transferShipped"],
  ["transfer received", "audit.reason.transferReceived"],
  ["picked up in store", "audit.reason.pickedUp"],
  ["demo opening balance", "audit.reason.demoOpening"],
]);

// Server text around a user's part; [\s\S] so a multi-line note still matches, and the part is passed on untouched.
const PATTERNS: [RegExp, (t: Translate, m: RegExpExecArray) => string][] = [
  [/^received (\d+) of (\d+): ([\s\S]*)$/, (t, [, received, quantity, note]) => t("audit.reason.transferShort", { received, quantity, note })],
  [/^rejected by the store: ([\s\S]*)$/, (t, [, reason]) => t("audit.reason.storeRejected", { reason })],
  [/^order cancelled: ([\s\S]*)$/, (t, [, reason]) => t("audit.reason.orderCancelled", { reason })],
];

/** A ledger reason in the reader's language: server-written ones translated, anything else as typed; null → "". */
export function ledgerReasonText(t: Translate, reason: string | null): string {
  if (!reason) return "";
  const fixed = FIXED.get(reason);
  if (fixed) return t(fixed);
  for (const [pattern, text] of PATTERNS) {
    const m = pattern.exec(reason);
    if (m) return text(t, m);
  }
  return reason;
}
