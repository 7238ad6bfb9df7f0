import { describe, expect, it } from "vitest";
import { haversineKm, haversineMetres } from "./geo";
import { shipmentCents } from "./layout";
import { route } from "./route";
import { DEST, loc, orderOf, planOf, shipped, strategy } from "./test-support";
import type { RankerValue, RoutingDecision } from "./types";

const values = (d: RoutingDecision): RankerValue[] => d.explanation.topPlans[0].values;

describe("haversine", () => {
  it("measures great-circle distance to the metre", () => {
    // Shanghai People's Square to Beijing Tiananmen: about 1,067 km.
    expect(haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 })).toBeCloseTo(1067.3, 0);
    expect(haversineMetres(DEST, DEST)).toBe(0);
    const a = { lat: 22.5, lng: 114.1 };
    const b = { lat: 45.8, lng: 126.5 };
    expect(haversineMetres(a, b)).toBe(haversineMetres(b, a));
    expect(Number.isInteger(haversineMetres(a, b))).toBe(true);
  });
});

describe("shipment cost", () => {
  it("is base + per km (rounded to the cent per shipment) + per unit", () => {
    const c = loc(1, 0, {}, { cost: { baseCents: 500, perKmCents: 3, perUnitCents: 40 } });
    expect(shipmentCents(c, 12_345, 2)).toBe(500 + 37 + 80);
  });
});

describe("nearest", () => {
  const candidates = [loc(1, 50, { 1: 5, 2: 5 }), loc(2, 10, { 1: 5 }), loc(3, 12, { 2: 5 }), loc(4, 30, { 1: 5, 2: 5 })];

  it("prefers the nearest location for a single line", () => {
    expect(shipped(route(orderOf([[1, 1]]), candidates, strategy([{ kind: "nearest", measure: "weighted" }])))).toEqual([["L02", [[1, 1]]]]);
  });

  it("weighted: scores a split by the quantity-weighted mean distance of its units", () => {
    const d = route(orderOf([[1, 1], [2, 3]]), candidates, strategy([{ kind: "nearest", measure: "weighted" }]));
    // L02 (10 km) ships 1 unit and L03 (12 km) ships 3: (10 + 36) / 4 = 11.5 km, nearer than L04 at 30.
    expect(shipped(d)).toEqual([
      ["L02", [[1, 1]]],
      ["L03", [[2, 3]]],
    ]);
    expect(values(d)).toEqual([{ kind: "nearest", measure: "weighted", km: 11.5 }]);
  });

  it("max: scores a split by its farthest shipment", () => {
    const order = orderOf([[1, 1], [2, 1]]);
    const withL05 = [...candidates, loc(5, 11, { 1: 5, 2: 5 })];
    // By the farthest shipment L05 alone (11 km) beats any split with L03 (12 km) or L05 (11 km, and two parcels
    // that complete would have to separate); weighted prefers L02 + L05 (mean 10.5 km) to L05 alone (11 km).
    const d = route(order, withL05, strategy([{ kind: "nearest", measure: "max" }, { kind: "complete" }]));
    expect(shipped(d)).toEqual([["L05", [[1, 1], [2, 1]]]]);
    expect(values(d)).toEqual([
      { kind: "nearest", measure: "max", km: 11 },
      { kind: "complete", shipments: 1 },
    ]);
    const w = route(order, withL05, strategy([{ kind: "nearest", measure: "weighted" }]));
    expect(shipped(w)).toEqual([
      ["L02", [[1, 1]]],
      ["L05", [[2, 1]]],
    ]);
  });
});

describe("complete", () => {
  it("prefers the fewest shipments, however far", () => {
    const candidates = [loc(1, 500, { 1: 5, 2: 5 }), loc(2, 10, { 1: 5 }), loc(3, 10, { 2: 5 })];
    const d = route(orderOf([[1, 1], [2, 1]]), candidates, strategy([{ kind: "complete" }, { kind: "nearest", measure: "weighted" }]));
    expect(shipped(d)).toEqual([["L01", [[1, 1], [2, 1]]]]);
    expect(values(d)[0]).toEqual({ kind: "complete", shipments: 1 });
  });

  it("splits only as far as it must", () => {
    const candidates = [loc(1, 10, { 1: 5, 2: 5 }), loc(2, 10, { 3: 5 }), loc(3, 10, { 1: 5 }), loc(4, 10, { 2: 5 })];
    const d = route(orderOf([[1, 1], [2, 1], [3, 1]]), candidates, strategy([{ kind: "complete" }]));
    expect(shipped(d)).toEqual([
      ["L01", [[1, 1], [2, 1]]],
      ["L02", [[3, 1]]],
    ]);
  });
});

describe("designated", () => {
  const candidates = [loc(1, 10, { 1: 5, 2: 5 }), loc(2, 900, { 1: 5 }), loc(3, 800, { 1: 5, 2: 5 }), loc(4, 20, { 2: 5 })];

  it("prefers the locations on its list, in list order", () => {
    const order = orderOf([[1, 1], [2, 1]]);
    expect(shipped(route(order, candidates, strategy([{ kind: "designated", locationIds: [3, 2] }])))).toEqual([["L03", [[1, 1], [2, 1]]]]);
    // L02 first on the list: it ships what it can (SKU 1); then L03 (second) beats an off-list location for SKU 2.
    const d = route(order, candidates, strategy([{ kind: "designated", locationIds: [2, 3] }]));
    expect(shipped(d)).toEqual([
      ["L02", [[1, 1]]],
      ["L03", [[2, 1]]],
    ]);
    expect(values(d)).toEqual([{ kind: "designated", units: [1, 1], otherUnits: 0 }]);
  });

  it("then ships as few units as possible from off the list", () => {
    const d = route(orderOf([[1, 2], [2, 1]]), candidates, strategy([{ kind: "designated", locationIds: [2] }, { kind: "complete" }]));
    expect(shipped(d)).toEqual([
      ["L01", [[2, 1]]],
      ["L02", [[1, 2]]],
    ]);
    expect(values(d)[0]).toEqual({ kind: "designated", units: [2], otherUnits: 1 });
  });

  it("ties when no listed location can help, and passes on", () => {
    const d = route(orderOf([[2, 1]]), candidates, strategy([{ kind: "designated", locationIds: [2] }, { kind: "nearest", measure: "weighted" }]));
    expect(shipped(d)).toEqual([["L01", [[2, 1]]]]);
    expect(d.explanation.winnerReason).toMatchObject({ by: "ranker", rule: "nearest", rankerIndex: 1 });
  });
});

describe("lowestCost", () => {
  it("weighs base, distance and units by each location's cost model", () => {
    const cheapBase = loc(1, 100, { 1: 9 }, { cost: { baseCents: 100, perKmCents: 5, perUnitCents: 10 } }); // 100 + 500 + 10·u
    const cheapKm = loc(2, 100, { 1: 9 }, { cost: { baseCents: 400, perKmCents: 1, perUnitCents: 20 } }); // 400 + 100 + 20·u
    const cheapUnit = loc(3, 100, { 1: 9 }, { cost: { baseCents: 400, perKmCents: 2, perUnitCents: 0 } }); // 400 + 200
    const s = strategy([{ kind: "lowestCost" }]);
    expect(shipped(route(orderOf([[1, 1]]), [cheapBase, cheapKm, cheapUnit], s))).toEqual([["L02", [[1, 1]]]]);
    expect(shipped(route(orderOf([[1, 9]]), [cheapBase, cheapKm, cheapUnit], s))).toEqual([["L03", [[1, 9]]]]);
    const d = route(orderOf([[1, 1]]), [cheapBase, cheapUnit], s);
    expect(values(d)).toEqual([{ kind: "lowestCost", cents: 600 }]);
    expect(planOf(d).costCents).toBe(600);
    expect(d.explanation.winnerReason).toMatchObject({ by: "ranker", rule: "lowestCost", margin: 10 });
  });

  it("pays a base per shipment, so one shipment can beat two nearer ones", () => {
    const candidates = [loc(1, 10, { 1: 5 }), loc(2, 10, { 2: 5 }), loc(3, 40, { 1: 5, 2: 5 })];
    const d = route(orderOf([[1, 1], [2, 1]]), candidates, strategy([{ kind: "lowestCost" }]));
    // Two shipments: 2 × (500 + 10 + 50) = 1120; one from 40 km: 500 + 40 + 100 = 640.
    expect(shipped(d)).toEqual([["L03", [[1, 1], [2, 1]]]]);
    expect(planOf(d).costCents).toBe(640);
  });
});
