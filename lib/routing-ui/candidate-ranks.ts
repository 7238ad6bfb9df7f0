// The simulator's candidate table: every location that holds some of the order, what became of it (in the winning
// plan, offered for pickup, left out by a filter, or just beaten), and — for a shipped order — the plan it would
// make on its own: its value under each rule of the strategy (as lib/routing computes them, by routing the order
// with that location alone) and its rank among the candidates per rule and overall.
import { haversineKm, route } from "@/lib/routing";
import type { Candidate, FillValue, FilterReason, RankerValue, RoutingDecision, RoutingOrder, Strategy } from "@/lib/routing/types";

export type CandidateStatus = "winner" | "offered" | "considered" | "notChosen" | FilterReason;

export type CandidateRow = {
  locationId: number;
  code: string;
  type: Candidate["type"];
  lat: number;
  lng: number;
  km: number;
  /** Units it holds of each order line (location ATP, before any ATP-margin filter), in the order's line order. */
  atp: number[];
  /** It holds every line's full quantity. */
  holdsAll: boolean;
  status: CandidateStatus;
  /** Its plan alone (shipped orders, passed the filters): fill and each rule's value, with ranks (1 = best; ties share). */
  alone: { fill: FillValue; values: RankerValue[]; ranks: number[]; overall: number } | null;
};

/** Lexicographic comparison of one rule's values, lower = better (what layout.ts's score vector compares). */
export function compareValues(a: RankerValue, b: RankerValue): number {
  switch (a.kind) {
    case "nearest":
      return a.km - (b as typeof a).km;
    case "complete":
      return a.shipments - (b as typeof a).shipments;
    case "lowestCost":
      return a.cents - (b as typeof a).cents;
    case "designated": {
      // Comp i = units shipped from anywhere but the first i listed locations, for i = 1 … L.
      const o = b as typeof a;
      const total = (v: typeof a) => v.units.reduce((s, u) => s + u, 0) + v.otherUnits;
      let restA = total(a);
      let restB = total(o);
      for (let i = 0; i < a.units.length; i++) {
        restA -= a.units[i];
        restB -= o.units[i] ?? 0;
        if (restA !== restB) return restA - restB;
      }
      return 0;
    }
  }
}

/** Competition ranks ("1, 1, 3") of `items` by `compare`. */
function ranks<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  const order = items.map((_, i) => i).sort((x, y) => compare(items[x], items[y]));
  const out = new Array<number>(items.length);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    out[idx] = pos > 0 && compare(items[prev], items[idx]) === 0 ? out[prev] : pos + 1;
  });
  return out;
}

export function candidateRows(order: RoutingOrder, candidates: readonly Candidate[], strategy: Strategy, decision: RoutingDecision): CandidateRow[] {
  const reasons = new Map(decision.explanation.filtered.map((f) => [f.locationId, f.reason]));
  const chosen = new Set(decision.kind === "plan" ? decision.plan.shipments.map((s) => s.locationId) : decision.options.map((o) => o.locationId));
  const ship = order.fulfilment === "SHIP";
  const rows: CandidateRow[] = candidates.map((c) => {
    const atp = order.lines.map((l) => c.atp.get(l.skuId) ?? 0);
    const reason = reasons.get(c.locationId);
    let status: CandidateStatus;
    if (chosen.has(c.locationId)) status = decision.kind === "plan" ? "winner" : "offered";
    else if (reason) status = reason;
    else if (order.fulfilment === "PICKUP" && order.pickupLocationId !== undefined && order.pickupLocationId !== c.locationId) status = "notChosen";
    else status = "considered";
    let alone: CandidateRow["alone"] = null;
    if (ship && !reason) {
      const own = route(order, [c], strategy);
      const plan = own.explanation.topPlans[0];
      if (plan && plan.fill.shippedUnits > 0) alone = { fill: plan.fill, values: plan.values, ranks: [], overall: 0 };
    }
    return {
      locationId: c.locationId,
      code: c.code,
      type: c.type,
      lat: c.lat,
      lng: c.lng,
      km: haversineKm(order.destination, c),
      atp,
      holdsAll: order.lines.every((l, i) => atp[i] >= l.quantity),
      status,
      alone,
    };
  });

  const scored = rows.filter((r) => r.alone !== null);
  const alone = scored.map((r) => r.alone!);
  strategy.rankers.forEach((_, i) => {
    const byRule = ranks(alone, (a, b) => compareValues(a.values[i], b.values[i]));
    alone.forEach((a, j) => (a.ranks[i] = byRule[j]));
  });
  // The engine's order among single-location plans: fill first, then each rule, then the location code.
  const overall = (a: number, b: number) => {
    const x = alone[a];
    const y = alone[b];
    const fill = x.fill.backOrderedUnits - y.fill.backOrderedUnits;
    if (fill !== 0) return fill;
    for (let i = 0; i < strategy.rankers.length; i++) {
      const d = compareValues(x.values[i], y.values[i]);
      if (d !== 0) return d;
    }
    return 0;
  };
  const positions = alone.map((_, i) => i);
  const overallRanks = ranks(positions, overall);
  alone.forEach((a, j) => (a.overall = overallRanks[j]));

  const statusOrder = (r: CandidateRow) => (r.status === "winner" || r.status === "offered" ? 0 : r.alone ? 1 : r.status === "considered" || r.status === "notChosen" ? 2 : 3);
  return rows.sort((a, b) => statusOrder(a) - statusOrder(b) || (a.alone && b.alone ? a.alone.overall - b.alone.overall : 0) || a.km - b.km || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
