// Test-only (nothing in the app imports this): fast-check generators for small routing instances, and the brute-force
// reference — every subset of ≤ K locations with every assignment of the whole lines — that the real search must
// agree with. Written from the rules in search.ts and route.ts, sharing only the distance and cost formulas.

import fc from "fast-check";
import { haversineMetres } from "./geo";
import { shipmentCents } from "./layout";
import type { Candidate, Filter, LocationType, OrderLine, Ranker, RoutingDecision, RoutingOrder, RoutingPlan, Strategy } from "./types";

// ---------------------------------------------------------------------------------------------------------------
// Hand-made instances: locations due north of the destination at a given distance.

export const DEST = { lat: 30, lng: 120, province: "Zhejiang", region: "EAST" };
const KM_PER_DEGREE = (6_371_008.8 * Math.PI) / 180 / 1000;

/** A location `km` north of DEST holding `atp` (SKU → units); can ship, can take orders, costs 5.00 + 0.01/km + 0.50/unit. */
export function loc(id: number, km: number, atp: Record<number, number>, over: Partial<Candidate> = {}): Candidate {
  return {
    locationId: id,
    code: `L${String(id).padStart(2, "0")}`,
    type: "WAREHOUSE",
    region: "EAST",
    province: "Zhejiang",
    lat: DEST.lat + km / KM_PER_DEGREE,
    lng: DEST.lng,
    canShip: true,
    canPickup: true,
    remainingCapacity: 10,
    cost: { baseCents: 500, perKmCents: 1, perUnitCents: 50 },
    atp: new Map(Object.entries(atp).map(([k, v]) => [Number(k), v])),
    ...over,
  };
}

/** An order to DEST of [skuId, quantity] lines. */
export function orderOf(lines: [number, number][], over: Partial<RoutingOrder> = {}): RoutingOrder {
  return { destination: DEST, lines: lines.map(([skuId, quantity]) => ({ skuId, quantity })), fulfilment: "SHIP", ...over };
}

export function strategy(rankers: Ranker[], over: Partial<Strategy> = {}): Strategy {
  return { maxSplits: 2, filters: [], rankers, ...over };
}

export function planOf(d: RoutingDecision): RoutingPlan {
  if (d.kind !== "plan") throw new Error(`expected a plan, got ${d.kind}`);
  return d.plan;
}

/** [code, [[sku, qty], …]] per shipment: compact to compare. */
export function shipped(d: RoutingDecision): [string, number[][]][] {
  return planOf(d).shipments.map((s) => [s.code, s.lines.map((l) => [l.skuId, l.quantity])]);
}

export const SKUS = [1, 2, 3, 4];
const TYPES: LocationType[] = ["WAREHOUSE", "DC", "STORE"];
const REGIONS = ["East", "North"];
const PROVINCES = ["Zhejiang", "Jiangsu", "Hebei"];
// A coarse grid, so equal distances (and ties) happen often.
const POINTS = [
  { lat: 30.0, lng: 120.0 },
  { lat: 30.5, lng: 120.0 },
  { lat: 31.0, lng: 121.0 },
  { lat: 29.5, lng: 119.5 },
  { lat: 32.0, lng: 118.5 },
];
const CODES = ["SH-01", "HZ-02", "NJ-03", "HZ-01", "SZ-09", "BJ-04", "WH-01", "DC-07", "ST-12", "ST-02"];

export function candidateArb(id: number, code: string): fc.Arbitrary<Candidate> {
  return fc
    .record({
      type: fc.constantFrom(...TYPES),
      region: fc.constantFrom(...REGIONS),
      province: fc.constantFrom(...PROVINCES),
      point: fc.constantFrom(...POINTS),
      canShip: fc.nat(5).map((n) => n > 0),
      canPickup: fc.boolean(),
      remainingCapacity: fc.nat(3),
      baseCents: fc.constantFrom(0, 500, 800),
      perKmCents: fc.constantFrom(0, 1, 3),
      perUnitCents: fc.constantFrom(0, 50, 100),
      atp: fc.tuple(...SKUS.map(() => fc.oneof(fc.constant(0), fc.nat(8)))),
    })
    .map((r) => ({
      locationId: id,
      code,
      type: r.type,
      region: r.region,
      province: r.province,
      lat: r.point.lat,
      lng: r.point.lng,
      canShip: r.canShip,
      canPickup: r.canPickup,
      remainingCapacity: r.remainingCapacity,
      cost: { baseCents: r.baseCents, perKmCents: r.perKmCents, perUnitCents: r.perUnitCents },
      atp: new Map(SKUS.map((s, i) => [s, r.atp[i]] as [number, number]).filter(([, v]) => v > 0)),
    }));
}

/** min..max candidates with distinct ids 1..n and distinct codes. */
export function candidatesArb(max = 8, min = 0): fc.Arbitrary<Candidate[]> {
  return fc
    .integer({ min, max })
    .chain((n) => fc.tuple(fc.shuffledSubarray(CODES, { minLength: n, maxLength: n }), fc.constant(n)))
    .chain(([codes, n]) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(i + 1, codes[i]))));
}

export const linesArb: fc.Arbitrary<OrderLine[]> = fc.array(fc.record({ skuId: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 7 }) }), {
  minLength: 1,
  maxLength: 4,
});

export const orderArb: fc.Arbitrary<RoutingOrder> = fc.record({
  destination: fc.record({ lat: fc.constantFrom(30.2, 31.2, 30.0), lng: fc.constantFrom(120.1, 121.4, 120.0), province: fc.constantFrom("Zhejiang", "Jiangsu"), region: fc.constant("East") }),
  lines: linesArb,
  fulfilment: fc.constant("SHIP" as const),
});

export const filterArb: fc.Arbitrary<Filter> = fc.oneof(
  fc.subarray(TYPES, { minLength: 1 }).map((types) => ({ kind: "locationType" as const, types })),
  fc.constant({ kind: "sameRegion" as const }),
  fc.constant({ kind: "sameProvince" as const }),
  fc.constant({ kind: "capability" as const }),
  fc.constant({ kind: "capacity" as const }),
  fc.nat(2).map((units) => ({ kind: "minAtpMargin" as const, units })),
  fc.subarray([1, 2, 3, 4, 5, 6, 7, 8], { maxLength: 3 }).map((locationIds) => ({ kind: "exclude" as const, locationIds })),
);

export const rankerArb: fc.Arbitrary<Ranker> = fc.oneof(
  fc.constantFrom("weighted" as const, "max" as const).map((measure) => ({ kind: "nearest" as const, measure })),
  fc.constant({ kind: "complete" as const }),
  fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7, 8], { maxLength: 3 }).map((locationIds) => ({ kind: "designated" as const, locationIds })),
  fc.constant({ kind: "lowestCost" as const }),
);

export const strategyArb: fc.Arbitrary<Strategy> = fc.record({
  maxSplits: fc.nat(3),
  filters: fc.array(filterArb, { maxLength: 2 }),
  rankers: fc.array(rankerArb, { maxLength: 4 }),
});

// ---------------------------------------------------------------------------------------------------------------
// The brute-force reference.

const byLocation = (a: Candidate, b: Candidate) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.locationId - b.locationId);

function passes(f: Filter, c: Candidate, order: RoutingOrder): boolean {
  switch (f.kind) {
    case "locationType":
      return f.types.includes(c.type);
    case "sameRegion":
      return order.destination.region === undefined || c.region === order.destination.region;
    case "sameProvince":
      return order.destination.province === undefined || c.province === order.destination.province;
    case "capability":
      return order.fulfilment === "PICKUP" ? c.canPickup : c.canShip;
    case "capacity":
      return c.remainingCapacity > 0;
    case "exclude":
      return !f.locationIds.includes(c.locationId);
    case "minAtpMargin":
      return true; // applied through `give`
  }
}

export type RefShipment = { c: Candidate; metres: number; take: Map<number, number>; units: number };
export type RefPlan = { shipments: RefShipment[]; backOrdered: Map<number, number>; score: number[]; assign: (Candidate | null)[] };

/** What each location may give of each SKU, after the filters and the largest ATP margin; those left out are absent. */
export function referenceGive(order: RoutingOrder, candidates: readonly Candidate[], strategy: Strategy): Map<Candidate, Map<number, number>> {
  const margin = Math.max(0, ...strategy.filters.map((f) => (f.kind === "minAtpMargin" ? f.units : 0)));
  const out = new Map<Candidate, Map<number, number>>();
  for (const c of candidates) {
    if (!strategy.filters.every((f) => passes(f, c, order))) continue;
    const g = new Map<number, number>();
    for (const [sku, a] of c.atp) if (a - margin > 0) g.set(sku, a - margin);
    if (g.size > 0) out.set(c, g);
  }
  return out;
}

export function mergedLines(lines: readonly OrderLine[]): OrderLine[] {
  const m = new Map<number, number>();
  for (const l of lines) if (l.quantity > 0) m.set(l.skuId, (m.get(l.skuId) ?? 0) + l.quantity);
  return [...m].sort((a, b) => a[0] - b[0]).map(([skuId, quantity]) => ({ skuId, quantity }));
}

function subsets<T>(xs: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  const rec = (from: number, cur: T[]) => {
    if (cur.length > 0) out.push(cur.slice());
    if (cur.length === max) return;
    for (let i = from; i < xs.length; i++) {
      cur.push(xs[i]);
      rec(i + 1, cur);
      cur.pop();
    }
  };
  rec(0, []);
  return out;
}

function product<T>(choices: T[][]): T[][] {
  return choices.reduce<T[][]>((acc, xs) => acc.flatMap((a) => xs.map((x) => [...a, x])), [[]]);
}

/** Every plan the rules allow, scored; and the best under the total order. */
export function referencePlans(order: RoutingOrder, candidates: readonly Candidate[], strategy: Strategy): { plans: RefPlan[]; best: RefPlan | null } {
  const lines = mergedLines(order.lines);
  const give = referenceGive(order, candidates, strategy);
  const usable = [...give.keys()];
  const g = (c: Candidate, sku: number) => give.get(c)?.get(sku) ?? 0;
  const whole = lines.filter((l) => usable.some((c) => g(c, l.skuId) >= l.quantity));
  const split = lines.filter((l) => !whole.includes(l));
  const K = order.fulfilment === "PICKUP" ? 1 : strategy.maxSplits + 1;
  const metres = new Map(usable.map((c) => [c, haversineMetres(order.destination, c)]));
  const plans: RefPlan[] = [];
  for (const S of subsets(usable, K)) {
    const options = whole.map((l) => {
      const covering = S.filter((c) => g(c, l.skuId) >= l.quantity);
      return covering.length > 0 ? covering : [null];
    });
    const nearest = [...S].sort((a, b) => metres.get(a)! - metres.get(b)! || byLocation(a, b));
    for (const assign of product<Candidate | null>(options)) {
      const take = new Map(S.map((c) => [c, new Map<number, number>()]));
      const backOrdered = new Map<number, number>();
      whole.forEach((l, w) => {
        const c = assign[w];
        if (c) take.get(c)!.set(l.skuId, l.quantity);
        else backOrdered.set(l.skuId, l.quantity);
      });
      for (const l of split) {
        let rest = l.quantity;
        for (const c of nearest) {
          const t = Math.min(g(c, l.skuId), rest);
          if (t > 0) take.get(c)!.set(l.skuId, t);
          rest -= t;
        }
        if (rest > 0) backOrdered.set(l.skuId, rest);
      }
      const shipments = S.map((c) => ({ c, metres: metres.get(c)!, take: take.get(c)!, units: [...take.get(c)!.values()].reduce((a, b) => a + b, 0) }));
      if (shipments.some((s) => s.units === 0)) continue;
      const plan = { shipments, backOrdered, assign, score: [] as number[] };
      plan.score = referenceScore(plan, strategy, order.fulfilment === "PICKUP");
      plans.push(plan);
    }
  }
  let best: RefPlan | null = null;
  for (const p of plans) if (best === null || referenceCompare(p, best) < 0) best = p;
  return { plans, best };
}

/** [back-ordered units, …each ranker's comps] as PRODUCT.md's rules define them. */
export function referenceScore(plan: Omit<RefPlan, "score">, strategy: Strategy, pickup = false): number[] {
  const back = [...plan.backOrdered.values()].reduce((a, b) => a + b, 0);
  const score = [back];
  for (const r of strategy.rankers) {
    const ss = plan.shipments;
    if (r.kind === "nearest") score.push(r.measure === "max" ? Math.max(0, ...ss.map((s) => s.metres)) : ss.reduce((a, s) => a + s.metres * s.units, 0));
    else if (r.kind === "complete") score.push(ss.length);
    else if (r.kind === "lowestCost") score.push(pickup ? 0 : ss.reduce((a, s) => a + shipmentCents(s.c, s.metres, s.units), 0));
    else {
      const list = [...new Set(r.locationIds)];
      // Units from each listed location, most first, in list order: as "fewest units from locations ranked ≥ i".
      for (let i = 1; i <= list.length; i++) score.push(ss.filter((s) => !list.slice(0, i).includes(s.c.locationId)).reduce((a, s) => a + s.units, 0));
    }
  }
  return score;
}

export function referenceCompare(a: RefPlan, b: RefPlan): number {
  for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return a.score[i] - b.score[i];
  if (a.shipments.length !== b.shipments.length) return a.shipments.length - b.shipments.length;
  const la = a.shipments.map((s) => s.c).sort(byLocation);
  const lb = b.shipments.map((s) => s.c).sort(byLocation);
  for (let i = 0; i < la.length; i++) if (la[i] !== lb[i]) return byLocation(la[i], lb[i]);
  for (let w = 0; w < a.assign.length; w++) {
    const x = a.assign[w];
    const y = b.assign[w];
    if (x === y) continue;
    if (!x || !y) return x ? -1 : 1;
    return byLocation(x, y);
  }
  return 0;
}

/** A RoutingPlan in the shape the reference produces, to compare. */
export function planShape(p: RoutingPlan) {
  return {
    shipments: p.shipments.map((s) => ({ locationId: s.locationId, lines: s.lines.map((l) => [l.skuId, l.quantity]) })),
    backOrdered: p.backOrdered.map((l) => [l.skuId, l.quantity]),
  };
}

export function refShape(p: RefPlan | null, order: RoutingOrder) {
  if (p === null) return { shipments: [], backOrdered: mergedLines(order.lines).map((l) => [l.skuId, l.quantity]) };
  return {
    shipments: [...p.shipments]
      .sort((a, b) => byLocation(a.c, b.c))
      .map((s) => ({ locationId: s.c.locationId, lines: [...s.take].filter(([, q]) => q > 0).sort((a, b) => a[0] - b[0]) })),
    backOrdered: [...p.backOrdered].sort((a, b) => a[0] - b[0]),
  };
}
