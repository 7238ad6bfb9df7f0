import { describe, expect, it } from "vitest";
import { transferConfig } from "./config";
import { describeSuggestion } from "./describe";
import { prepareNetwork, suggestAll, suggestForSku } from "./suggest";
import { level, place } from "./test-support";
import type { TransferLocation, TransferSku } from "./suggest";

const A = place(1, "Store A", "STORE", 0);
const B = place(2, "Store B", "STORE", 30);
const C = place(3, "Store C", "STORE", 80);
const DC = place(4, "DC East", "DC", 10);
const WH = place(5, "Warehouse", "WAREHOUSE", 5);

const run = (locations: TransferLocation[], levels: TransferSku["levels"], config = transferConfig(), packSize?: number) =>
  suggestForSku(prepareNetwork(locations), { skuId: 7, packSize, levels }, config);
const moves = (s: ReturnType<typeof run>) => s.map((x) => [x.fromLocationId, x.toLocationId, x.quantity]);

describe("suggestForSku", () => {
  // Stores overstocked beyond 40 days, so Store B's 45 days count.
  const config = transferConfig({ byType: { STORE: { overstockDays: 40 } } });

  it("moves from the nearest overstocked store, then the next, with reasons and effect", () => {
    const s = run([A, B, C], [level(1, 12, 6), level(2, 90, 2), level(3, 200, 1)], config);
    // A needs 21 × 6 − 12 = 114; B spares 90 − 42 = 48; C gives the other 66.
    expect(moves(s)).toEqual([
      [2, 1, 48],
      [3, 1, 66],
    ]);
    expect(s[0].reason.codes).toEqual(["DESTINATION_UNDERSTOCKED", "SOURCE_OVERSTOCKED", "NEAREST_SOURCE", "PARTIAL_FILL", "LIMITED_BY_SOURCE"]);
    expect(s[0].reason.destination).toMatchObject({ code: "L01", coverDays: 2, velocity: 6, needUnits: 114 });
    expect(s[0].reason.source).toMatchObject({ code: "L02", coverDays: 45, velocity: 2, spareUnits: 48 });
    expect(s[0].reason.distanceKm).toBeCloseTo(30, 2);
    expect(s[0].effect).toMatchObject({ horizonDays: 28, destinationCoverBefore: 2, destinationCoverAfter: 10, stockOutDaysAvoided: 8, lostSalesAvoided: 48, sourceCoverAfter: 21 });
    expect(s[1].reason.codes).toEqual(["DESTINATION_UNDERSTOCKED", "SOURCE_OVERSTOCKED", "FILLS_TARGET"]);
    expect(s[1].reason.sourceRank).toBe(2);
    expect(s[1].effect).toMatchObject({ destinationCoverBefore: 10, destinationCoverAfter: 21, stockOutDaysAvoided: 11 });
    expect(describeSuggestion(s[0])).toBe(
      "Move 48 × SKU 7 from Store B to Store A. Store A: 2 days of cover, selling 6/day; Store B: 45 days of cover, 30 km away. Avoids 8 stock-out days in the next 28.",
    );
  });

  it("never moves reserved units or safety stock", () => {
    const s = run([A, B], [level(1, 0, 10), level(2, 100, 0, { reserved: 40, safetyStock: 10 })]);
    expect(moves(s)).toEqual([[2, 1, 50]]);
    expect(s[0].reason.codes).toContain("DESTINATION_STOCKED_OUT");
    expect(s[0].reason.codes).toContain("SOURCE_NOT_SELLING");
    expect(s[0].reason.source.coverDays).toBeNull();
    expect(describeSuggestion(s[0])).toContain("Store B: no sales, 30 km away");
  });

  it("does not let several destinations together drain a source below its target cover", () => {
    // B sells 1/day and holds 81: it keeps 21 and spares 60. A (3/day) and C (2/day) are both out of stock.
    const s = run([A, B, C], [level(1, 0, 3), level(2, 81, 1), level(3, 0, 2)]);
    expect(moves(s)).toEqual([[2, 1, 60]]);
    expect(s[0].effect.sourceCoverAfter).toBe(21);
  });

  it("serves the destination most at risk first", () => {
    const s = run([A, B, C], [level(1, 10, 2), level(2, 81, 1), level(3, 2, 2)]);
    // C has 1 day of cover, A 5: C gets 40, A the remaining 20.
    expect(moves(s)).toEqual([
      [2, 3, 40],
      [2, 1, 20],
    ]);
  });

  it("breaks equal risk by velocity, then location code", () => {
    const s = run([A, B, C], [level(1, 0, 2), level(2, 61, 1), level(3, 0, 2)]);
    expect(moves(s).map((m) => m[1])).toEqual([1]);
  });

  it("takes from the nearest source when it has enough", () => {
    const s = run([A, B, C], [level(1, 0, 1), level(2, 500, 1), level(3, 500, 1)]);
    expect(moves(s)).toEqual([[2, 1, 21]]);
  });

  it("rounds up to the pack size when the source can spare it, else down", () => {
    const up = run([A, B], [level(1, 0, 2), level(2, 500, 1)], transferConfig(), 5);
    expect(moves(up)).toEqual([[2, 1, 45]]);
    expect(up[0].reason.codes).toContain("ROUNDED_UP_TO_PACK");
    expect(up[0].packSize).toBe(5);
    const down = run([A, B], [level(1, 0, 2), level(2, 45, 0)], transferConfig(), 10);
    expect(moves(down)).toEqual([[2, 1, 40]]);
    expect(down[0].reason.codes).toContain("LIMITED_BY_SOURCE");
  });

  it("suggests nothing smaller than the minimum batch", () => {
    // Needs 1 unit (⌈21 × 0.04⌉), stores ship at least 2.
    expect(run([A, B], [level(1, 0, 0.04), level(2, 500, 0)])).toEqual([]);
    expect(moves(run([A, B], [level(1, 0, 0.04), level(2, 500, 0)], transferConfig({ byType: { STORE: { minBatch: 1 } } })))).toEqual([[2, 1, 1]]);
  });

  it("never makes the destination overstocked to fill a pack", () => {
    // A sells 0.1/day: needs 3, may hold 6 (60 days). The DC ships cases of 6 — exactly fits; cases of 12 do not.
    expect(moves(run([A, DC], [level(1, 0, 0.1), level(4, 500, 0)]))).toEqual([[4, 1, 6]]);
    expect(run([A, DC], [level(1, 0, 0.1), level(4, 500, 0)], transferConfig({ byType: { DC: { packSize: 12, minBatch: 12 } } }))).toEqual([]);
  });

  it("counts inbound units toward cover and keeps outbound ones", () => {
    expect(run([A, B], [level(1, 0, 1, { inbound: 21 }), level(2, 500, 0)])).toEqual([]);
    const s = run([A, B], [level(1, 0, 2, { inbound: 4 }), level(2, 81, 1, { outbound: 50 })], transferConfig({ byType: { STORE: { overstockDays: 25 } } }));
    // A needs 42 − 4 = 38; B has 31 free after its outbound, keeps 21, spares 10.
    expect(moves(s)).toEqual([[2, 1, 10]]);
  });

  it("does not send to a warehouse (refilled by purchase orders) unless configured", () => {
    const levels = [level(5, 0, 5), level(4, 1000, 1)];
    expect(run([WH, DC], levels)).toEqual([]);
    expect(moves(run([WH, DC], levels, transferConfig({ byType: { WAREHOUSE: { receives: true } } })))).toEqual([[4, 5, 246]]);
  });

  it("does not move between locations farther apart than maxDistanceKm", () => {
    expect(run([A, C], [level(1, 0, 1), level(3, 500, 0)], transferConfig({ maxDistanceKm: 50 }))).toEqual([]);
  });

  it("asks nothing for a location that does not sell the SKU, and needs an overstocked source", () => {
    expect(run([A, B], [level(1, 0, 0), level(2, 500, 0)])).toEqual([]);
    expect(run([A, B], [level(1, 0, 1), level(2, 60, 1)])).toEqual([]);
  });

  it("ignores levels of locations outside the network and rejects a location twice", () => {
    expect(moves(run([A, B], [level(1, 0, 1), level(2, 500, 0), level(99, 1000, 0)]))).toEqual([[2, 1, 21]]);
    expect(() => run([A, B], [level(1, 0, 1), level(1, 5, 1)])).toThrow(/two stock levels/);
  });

  it("rejects inconsistent thresholds", () => {
    expect(() => transferConfig({ byType: { STORE: { understockDays: 30 } } })).toThrow(RangeError);
    expect(() => transferConfig({ byType: { DC: { packSize: 0 } } })).toThrow(RangeError);
  });
});

describe("suggestAll", () => {
  it("yields every SKU in turn and returns the totals", () => {
    const net = prepareNetwork([A, B, C]);
    const skus: TransferSku[] = [
      { skuId: 1, levels: [level(1, 0, 1), level(2, 500, 0)] },
      { skuId: 2, levels: [level(1, 50, 1)] },
      { skuId: 3, levels: [level(1, 0, 3), level(3, 81, 1), level(2, 0, 2)] },
    ];
    const it = suggestAll(net, skus);
    const seen: [number, number][] = [];
    let r = it.next();
    while (!r.done) {
      seen.push([r.value.skuId, r.value.suggestions.length]);
      r = it.next();
    }
    expect(seen).toEqual([
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    expect(r.value).toEqual({ skus: 3, suggestions: 2, units: 21 + 60 });
  });
});
