import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerHash, ledgerPayload, verifyChain, type LedgerEntry, type Quantities } from "./ledger";

type Step = { type: string; after: Quantities; actor: string; reason: string | null };

/** Builds a correctly chained ledger from a sequence of states, as the database trigger would. */
function chain(steps: Step[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let before: Quantities = { onHand: 0, reserved: 0, safety: 0, inTransit: 0 };
  let prevHash: Buffer | null = null;
  steps.forEach((s, i) => {
    const e = { locationId: 3, skuId: 7, seq: i + 1, type: s.type, before, after: s.after, actor: s.actor, reason: s.reason, reference: null, createdAtMicros: 1_700_000_000_000_000n + BigInt(i) };
    const hash = ledgerHash(prevHash, e);
    entries.push({ ...e, prevHash, hash });
    prevHash = hash;
    before = s.after;
  });
  return entries;
}
const head = (entries: LedgerEntry[]) => ({
  quantities: entries.at(-1)?.after ?? { onHand: 0, reserved: 0, safety: 0, inTransit: 0 },
  seq: entries.length,
  hash: entries.at(-1)?.hash ?? null,
});

const quantities = fc.record({ onHand: fc.nat(1000), reserved: fc.nat(1000), safety: fc.nat(20), inTransit: fc.nat(50) });
const step = fc.record({
  type: fc.constantFrom("RECEIVE", "RESERVE", "SHIP", "COUNT"),
  after: quantities,
  actor: fc.string({ maxLength: 12 }),
  reason: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
});

describe("ledgerPayload", () => {
  it("quotes text so separators inside it cannot shift fields", () => {
    const base = { locationId: 1, skuId: 2, seq: 1, type: "ADJUST", before: { onHand: 0, reserved: 0, safety: 0, inTransit: 0 }, after: { onHand: 1, reserved: 0, safety: 0, inTransit: 0 }, createdAtMicros: 5n };
    const a = ledgerPayload({ ...base, actor: "x", reason: "a|b", reference: null });
    const b = ledgerPayload({ ...base, actor: "x", reason: "a", reference: "b" });
    expect(a).not.toBe(b);
    expect(a).toBe('v1|1|2|1|ADJUST|0|1|0|0|0|0|0|0|"x"|"a|b"|null|5');
  });
});

describe("verifyChain", () => {
  it("accepts any correctly built chain", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const entries = chain(steps);
        expect(verifyChain(entries, head(entries))).toEqual([]);
      }),
    );
  });

  it("detects any single changed quantity, actor or reason", () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom("onHand", "actor", "reason"),
        (steps, pick, field) => {
          const entries = chain(steps);
          const current = head(entries);
          const i = pick % entries.length;
          const e = entries[i];
          entries[i] =
            field === "onHand" ? { ...e, after: { ...e.after, onHand: e.after.onHand + 1 } }
            : field === "actor" ? { ...e, actor: `${e.actor}!` }
            : { ...e, reason: `${e.reason ?? ""}?` };
          expect(verifyChain(entries, current).length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("detects a missing entry and a stock level that moved without one", () => {
    const entries = chain([
      { type: "RECEIVE", after: { onHand: 10, reserved: 0, safety: 0, inTransit: 0 }, actor: "a", reason: null },
      { type: "RESERVE", after: { onHand: 10, reserved: 2, safety: 0, inTransit: 0 }, actor: "a", reason: null },
      { type: "SHIP", after: { onHand: 8, reserved: 0, safety: 0, inTransit: 0 }, actor: "a", reason: null },
    ]);
    const problems = verifyChain([entries[0], entries[2]], head(entries)).map((p) => p.problem);
    expect(problems).toContain("expected entry 2, found 3 (missing or extra entries)");
    expect(problems).toContain("does not start where the previous entry ended");
    const drifted = verifyChain(entries, { ...head(entries), quantities: { onHand: 9, reserved: 0, safety: 0, inTransit: 0 } });
    expect(drifted.map((p) => p.problem)).toEqual(["replaying the ledger does not give the current stock"]);
  });
});
