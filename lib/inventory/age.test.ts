import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGE_BUCKETS, AGED_DAYS, DAY_MS, ageBucket, ageInDays, ageProfile, agedCutoff, isAged, settleReceiptDays, utcDayRange,
} from "./age";

const now = new Date("2026-11-20T12:00:00Z");
const lot = fc.record({ ageDays: fc.nat(1000), units: fc.nat(10_000) });

describe("ageInDays", () => {
  it("counts whole days", () => {
    expect(ageInDays(new Date(now.getTime() - 30 * DAY_MS), now)).toBe(30);
    expect(ageInDays(new Date(now.getTime() - 30 * DAY_MS - 1), now)).toBe(30);
    expect(ageInDays(new Date(now.getTime() - 31 * DAY_MS + 1), now)).toBe(30);
    expect(ageInDays(now, now)).toBe(0);
  });
  it("is never negative, even for a lot dated after now", () => {
    expect(ageInDays(new Date(now.getTime() + 5 * DAY_MS), now)).toBe(0);
  });
  it("never decreases as time passes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * DAY_MS, max: 1000 * DAY_MS }), fc.nat(100 * DAY_MS), (back, later) => {
        const received = new Date(now.getTime() - back);
        expect(ageInDays(received, new Date(now.getTime() + later))).toBeGreaterThanOrEqual(ageInDays(received, now));
      }),
    );
  });
});

describe("ageBucket", () => {
  it("puts the boundaries where the labels say", () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(ageBucket)).toEqual([
      "0-30", "0-30", "31-60", "31-60", "61-90", "61-90", "90+", "90+",
    ]);
  });
  it("never moves an ageing lot to a younger bucket", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, extra) => {
        expect(AGE_BUCKETS.indexOf(ageBucket(a + extra))).toBeGreaterThanOrEqual(AGE_BUCKETS.indexOf(ageBucket(a)));
      }),
    );
  });
  it("agrees with isAged on the last bucket", () => {
    fc.assert(
      fc.property(fc.nat(1000), (d) => {
        expect(ageBucket(d) === "90+").toBe(isAged(d));
      }),
    );
  });
});

describe("agedCutoff", () => {
  it("marks exactly the lots older than 90 whole days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY_MS }), (back) => {
        const received = new Date(now.getTime() - back);
        expect(received.getTime() <= agedCutoff(now).getTime()).toBe(isAged(ageInDays(received, now)));
      }),
    );
  });
  it("is 91 days back", () => {
    expect(now.getTime() - agedCutoff(now).getTime()).toBe((AGED_DAYS + 1) * DAY_MS);
  });
});

describe("ageProfile", () => {
  it("always has the four buckets in order", () => {
    expect(ageProfile([])).toEqual(AGE_BUCKETS.map((key) => ({ key, units: 0 })));
  });
  it("sums bucket units to the total of the lots", () => {
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 50 }), (lots) => {
        const total = lots.reduce((s, l) => s + l.units, 0);
        expect(ageProfile(lots).reduce((s, b) => s + b.units, 0)).toBe(total);
      }),
    );
  });
  it("puts each lot's units in its own bucket only", () => {
    fc.assert(
      fc.property(lot, (l) => {
        for (const b of ageProfile([l])) expect(b.units).toBe(b.key === ageBucket(l.ageDays) ? l.units : 0);
      }),
    );
  });
  it("does not depend on the order of the lots", () => {
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 30 }), (lots) => {
        expect(ageProfile([...lots].reverse())).toEqual(ageProfile(lots));
      }),
    );
  });
  it("buckets a worked example", () => {
    expect(ageProfile([{ ageDays: 5, units: 10 }, { ageDays: 45, units: 3 }, { ageDays: 90, units: 2 }, { ageDays: 120, units: 7 }, { ageDays: 20, units: 1 }]))
      .toEqual([{ key: "0-30", units: 11 }, { key: "31-60", units: 3 }, { key: "61-90", units: 2 }, { key: "90+", units: 7 }]);
  });
});

describe("settleReceiptDays", () => {
  const receivedOn = (t: number) => new Date(t).toISOString().slice(0, 10);

  it("leaves at most one straddling day per bucket boundary", () => {
    const days = Array.from({ length: 200 }, (_, i) => ({ receivedOn: receivedOn(now.getTime() - i * DAY_MS), units: 1 }));
    const { settled, straddling } = settleReceiptDays(days, now);
    expect(straddling.length).toBeLessThanOrEqual(3);
    expect(settled.length + straddling.length).toBe(200);
  });

  it("settled days plus an exact look-up of the straddling days give the same buckets as the lots", () => {
    const lots = fc.array(
      fc.record({ back: fc.integer({ min: -3 * DAY_MS, max: 200 * DAY_MS }), units: fc.integer({ min: 1, max: 50 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(lots, fc.integer({ min: 0, max: DAY_MS - 1 }), (given, shift) => {
        const at = new Date(now.getTime() + shift);
        const received = given.map((l) => ({ t: at.getTime() - l.back, units: l.units }));
        const byDay = new Map<string, number>();
        for (const l of received) byDay.set(receivedOn(l.t), (byDay.get(receivedOn(l.t)) ?? 0) + l.units);
        const days = [...byDay].map(([day, units]) => ({ receivedOn: day, units }));

        const { settled, straddling } = settleReceiptDays(days, at);
        const exact = received
          .filter((l) => straddling.some((d) => l.t >= utcDayRange(d).start.getTime() && l.t < utcDayRange(d).end.getTime()))
          .map((l) => ({ ageDays: ageInDays(new Date(l.t), at), units: l.units }));
        const expected = ageProfile(received.map((l) => ({ ageDays: ageInDays(new Date(l.t), at), units: l.units })));
        expect(ageProfile([...settled, ...exact])).toEqual(expected);
      }),
    );
  });
});
