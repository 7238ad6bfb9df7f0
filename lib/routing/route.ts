// route(): the routing decision for one order, with its explanation. Pure: same input, same output, whatever order
// the candidates and lines come in. The final tie-break, after fill and every ranker: fewer shipments (a split no
// rule asked for is no use), then the plans' location codes (then ids) in order, then line by line (SKU order) the
// code of the location that ships it.

import { haversineMetres } from "./geo";
import { type Layout, layoutFor, margin, rankerValues, shipmentCents } from "./layout";
import { Buffers, type Prepared, compareLocations, compileFilters, orderLines, prepare, screen, StockReader } from "./prepare";
import { Reducer, type Slot } from "./reducer";
import { BlockSearch, MAX_BLOCK_LINES, type PlanRef, PlanTieBreak, copyPlanRef, newPlanRef, setSearch } from "./search";
import type {
  Candidate,
  Explanation,
  Filter,
  LevelValue,
  OrderLine,
  PickupOption,
  PlanSummary,
  RoutingDecision,
  RoutingOrder,
  RoutingPlan,
  RoutingStep,
  Shipment,
  Strategy,
  WinnerReason,
} from "./types";

export const TOP_PLANS = 5;
const DEFAULT_PICKUP_OPTIONS = 3;

// Working memory reused by every call: route() runs to completion synchronously, so one set is never shared by two
// decisions at once. Everything returned is freshly built.
const buffers = new Buffers();
const blockSearcher = new BlockSearch();
const reducer = new Reducer<PlanRef>({ create: newPlanRef, copy: copyPlanRef, tieBreak: () => 0 });
const tieBreak = new PlanTieBreak();

export function route(order: RoutingOrder, candidates: readonly Candidate[], strategy: Strategy): RoutingDecision {
  if (!Number.isInteger(strategy.maxSplits) || strategy.maxSplits < 0) throw new RangeError(`maxSplits must be a whole number ≥ 0, got ${strategy.maxSplits}`);
  if (order.fulfilment === "PICKUP" && order.pickupLocationId === undefined) return offerPickup(order, candidates, strategy);

  const pickup = order.fulfilment === "PICKUP";
  // A pickup goes to the chosen store only, in one piece.
  const pool = pickup ? candidates.filter((c) => c.locationId === order.pickupLocationId) : candidates;
  const K = pickup ? 1 : strategy.maxSplits + 1;
  const layout = layoutFor(strategy.rankers);
  const prep = prepare(order, pool, strategy.filters, layout, buffers);
  tieBreak.prep = prep;
  reducer.reset(layout.levelStart, TOP_PLANS, tieBreak.compare);

  let search: Explanation["search"] = "none";
  let exhaustive = true;
  if (prep.cands.length > 0 && (prep.wholeLines.length > 0 || prep.splitLines.length > 0)) {
    if (prep.splitLines.length === 0 && prep.wholeLines.length <= MAX_BLOCK_LINES && prep.lines.length <= 31) {
      search = "blocks";
      blockSearcher.run(prep, Math.min(K, prep.wholeLines.length), reducer, TOP_PLANS);
    } else {
      search = "sets";
      exhaustive = setSearch(prep, K, reducer).exhaustive;
    }
  }
  if (pickup) search = "pickup";

  const best = reducer.best;
  const plan = best ? materialize(prep, best.plan) : { shipments: [], backOrdered: prep.lines.map((l) => ({ ...l })), costCents: 0 };
  const explanation = explain(prep, reducer, search, exhaustive);
  reducer.reset(layout.levelStart, 0);
  return { kind: "plan", plan, explanation };
}

/** Nearest pickup locations (canPickup, through the filters) that can hand over every line whole. */
export function pickupOptions(order: RoutingOrder, candidates: readonly Candidate[], n: number, filters: readonly Filter[] = []): PickupOption[] {
  return pickupScan(order, candidates, n, filters).options;
}

function pickupScan(order: RoutingOrder, candidates: readonly Candidate[], n: number, filters: readonly Filter[]) {
  const asPickup: RoutingOrder = { ...order, fulfilment: "PICKUP" };
  const lines = orderLines(order.lines);
  const compiled = compileFilters(filters, asPickup);
  const raw = new Float64Array(lines.length);
  const reader = new StockReader().for(candidates, lines);
  const filtered: Explanation["filtered"] = [];
  const eligible: { c: Candidate; metres: number }[] = [];
  for (const c of candidates) {
    let reason = c.canPickup ? screen(c, lines, compiled, raw, reader) : "capability";
    if (reason === null && lines.some((l, i) => raw[i] - compiled.margin < l.quantity)) reason = "incomplete";
    if (reason !== null) filtered.push({ locationId: c.locationId, code: c.code, reason });
    else eligible.push({ c, metres: 0 });
  }
  const from = order.destination;
  for (const e of eligible) e.metres = haversineMetres(from, e.c);
  eligible.sort((a, b) => a.metres - b.metres || compareLocations(a.c, b.c));
  filtered.sort((a, b) => a.locationId - b.locationId);
  const options = eligible.slice(0, Math.max(0, n)).map(({ c, metres }) => ({ locationId: c.locationId, code: c.code, km: metres / 1000 }));
  return { options, filtered, filterSteps: compiled.steps, eligible: eligible.length };
}

function offerPickup(order: RoutingOrder, candidates: readonly Candidate[], strategy: Strategy): RoutingDecision {
  const scan = pickupScan(order, candidates, strategy.pickupOptions ?? DEFAULT_PICKUP_OPTIONS, strategy.filters);
  const explanation: Explanation = {
    filtered: scan.filtered,
    filterSteps: scan.filterSteps,
    candidatesConsidered: scan.eligible,
    plansConsidered: 0,
    search: "pickup",
    exhaustive: true,
    steps: [],
    topPlans: [],
    winnerReason: scan.options.length > 0 ? { by: "customerChooses" } : { by: "noCandidates" },
  };
  return { kind: "pickupOptions", options: scan.options, explanation };
}

/**
 * Who ships what under a PlanRef: whole lines as assigned, split lines from its locations nearest first. Written into
 * `shares` (one scratch set serves every plan: explanations read a handful of plans per decision): locs[0..j) in
 * (code, id) order; take[p × lines + i] = units of line i from locs[p]; shipped[i] = units of line i shipped. The
 * arrays keep their length from plan to plan (a shorter one would be reallocated when the next plan is longer).
 */
const shares = { j: 0, near: [] as number[], locs: [] as number[], take: new Float64Array(32), shipped: new Float64Array(8) };

function allocate(prep: Prepared, ref: PlanRef): typeof shares {
  const { lines, give } = prep;
  const n = lines.length;
  const j = ref.j;
  const { near, locs } = shares;
  if (shares.take.length < j * n) shares.take = new Float64Array(2 * j * n);
  if (shares.shipped.length < n) shares.shipped = new Float64Array(2 * n);
  const { take, shipped } = shares;
  for (let p = 0; p < j; p++) near[p] = ref.locs[p];
  if (prep.splitLines.length > 0) sortLocations(prep, near, j, true);
  for (let p = 0; p < j; p++) locs[p] = near[p];
  sortLocations(prep, locs, j, false);
  take.fill(0, 0, j * n);
  shipped.fill(0, 0, n);
  for (let w = 0; w < prep.wholeLines.length; w++) {
    const c = ref.assign[w];
    if (c < 0) continue;
    const i = prep.wholeLines[w];
    take[slotOf(locs, c) * n + i] = shipped[i] = lines[i].quantity;
  }
  for (const i of prep.splitLines) {
    for (let p = 0; p < j && shipped[i] < lines[i].quantity; p++) {
      const t = Math.min(give[near[p] * n + i], lines[i].quantity - shipped[i]);
      take[slotOf(locs, near[p]) * n + i] += t;
      shipped[i] += t;
    }
  }
  shares.j = j;
  return shares;
}

/** Where candidate c is in xs (it is there). */
function slotOf(xs: readonly number[], c: number): number {
  let p = 0;
  while (xs[p] !== c) p++;
  return p;
}

/**
 * Candidates xs[0, len) in (code, id) order, nearest first when `byDistance`: an insertion sort (stable, in place;
 * plans have a few shipments), without a comparator closure per call.
 */
function sortLocations(prep: Prepared, xs: number[], len: number, byDistance: boolean): void {
  const { cands, metres } = prep;
  for (let i = 1; i < len; i++) {
    const x = xs[i];
    let k = i;
    for (; k > 0 && ((byDistance ? metres[xs[k - 1]] - metres[x] : 0) || compareLocations(cands[xs[k - 1]], cands[x])) > 0; k--) xs[k] = xs[k - 1];
    xs[k] = x;
  }
}

function materialize(prep: Prepared, ref: PlanRef): RoutingPlan {
  const { cands, lines, metres } = prep;
  const n = lines.length;
  const { j, locs, take, shipped } = allocate(prep, ref);
  let costCents = 0;
  const shipments: Shipment[] = [];
  for (let p = 0; p < j; p++) {
    const c = locs[p];
    const candidate = cands[c];
    const shipLines: OrderLine[] = [];
    let units = 0;
    for (let i = 0; i < n; i++) {
      const q = take[p * n + i];
      if (q > 0) {
        shipLines.push({ skuId: lines[i].skuId, quantity: q });
        units += q;
      }
    }
    const cents = prep.pickup ? 0 : shipmentCents(candidate, metres[c], units);
    costCents += cents;
    shipments.push({ locationId: candidate.locationId, code: candidate.code, lines: shipLines, km: metres[c] / 1000, costCents: cents });
  }
  const backOrdered: OrderLine[] = [];
  for (let i = 0; i < n; i++) if (shipped[i] < lines[i].quantity) backOrdered.push({ skuId: lines[i].skuId, quantity: lines[i].quantity - shipped[i] });
  return { shipments, backOrdered, costCents };
}

function summarize(prep: Prepared, layout: Layout, ref: PlanRef): PlanSummary {
  const { cands, lines, metres } = prep;
  const n = lines.length;
  const { j, locs, take, shipped } = allocate(prep, ref);
  // Arrays of their final length: a push on an empty array reserves room for 16.
  const shipments: PlanSummary["shipments"] = new Array(j);
  // The ranker values' sums, shipment by shipment in this order (rankerValues).
  let units = 0;
  let weighted = 0;
  let farthest = 0;
  let cents = 0;
  for (let p = 0; p < j; p++) {
    const c = locs[p];
    let u = 0;
    for (let i = 0; i < n; i++) u += take[p * n + i];
    const candidate = cands[c];
    units += u;
    weighted += metres[c] * u;
    farthest = Math.max(farthest, metres[c]);
    cents += prep.pickup ? 0 : shipmentCents(candidate, metres[c], u);
    shipments[p] = { locationId: candidate.locationId, code: candidate.code, units: u };
  }
  let shippedUnits = 0;
  for (let i = 0; i < n; i++) shippedUnits += shipped[i];
  const fill = { kind: "fill" as const, shippedUnits, backOrderedUnits: prep.totalUnits - shippedUnits };
  return { shipments, fill, values: rankerValues(layout, shipments, units, weighted, farthest, cents) };
}

function codesOf(s: PlanSummary): string[] {
  const codes: string[] = [];
  for (const x of s.shipments) codes.push(x.code);
  return codes;
}

function levelValue(s: PlanSummary, level: number): LevelValue {
  return level === 0 ? s.fill : s.values[level - 1];
}

function viewOf(prep: Prepared, top: readonly Slot<PlanRef>[], views: readonly PlanSummary[], s: Slot<PlanRef>): PlanSummary {
  const i = top.indexOf(s);
  return i >= 0 ? views[i] : summarize(prep, prep.layout, s.plan);
}

function explain(prep: Prepared, reducer: Reducer<PlanRef>, search: Explanation["search"], exhaustive: boolean): Explanation {
  const layout = prep.layout;
  const rankers = layout.rankers;
  // Every top plan is summarized for topPlans; the best and the runner-up are almost always among them. (No named
  // closures on this path: tsx, which runs the bench, names each one it creates, and that costs more than the call.)
  const top = reducer.top;
  const views = top.map((s) => summarize(prep, layout, s.plan));
  const best = reducer.best;
  const steps: RoutingStep[] = [];
  let winnerReason: WinnerReason = { by: "noCandidates" };
  if (best) {
    const winner = viewOf(prep, top, views, best);
    for (let l = 0; l <= rankers.length; l++) {
      const before = l === 0 ? reducer.plans : reducer.tied[l - 1];
      const after = reducer.tied[l];
      steps.push({ rule: l === 0 ? "fill" : rankers[l - 1].kind, rankerIndex: l - 1, before, after, beforeAtLeast: before >= TOP_PLANS, afterAtLeast: after >= TOP_PLANS, best: levelValue(winner, l) });
    }
    const level = reducer.decidingLevel();
    const runnerUp = reducer.runnerUp[level];
    if (reducer.plans === 1 || runnerUp === null) winnerReason = { by: "onlyPlan" };
    else if (level === reducer.levels || level === 0) {
      // Level 0 cannot decide (every plan scored has the same fill); treat it as the tie-break for safety.
      winnerReason = { by: "tieBreak", tiedPlans: reducer.tied[reducer.levels - 1], codes: codesOf(winner), runnerUpCodes: codesOf(viewOf(prep, top, views, runnerUp)) };
    } else {
      const w = winner.values[level - 1];
      const ru = viewOf(prep, top, views, runnerUp);
      const r = ru.values[level - 1];
      winnerReason = { by: "ranker", rule: rankers[level - 1].kind, rankerIndex: level - 1, winner: w, runnerUp: r, margin: margin(w, r), runnerUpCodes: codesOf(ru) };
    }
  }
  return {
    filtered: prep.filtered,
    filterSteps: prep.filterSteps,
    candidatesConsidered: prep.cands.length,
    plansConsidered: reducer.plans,
    search,
    exhaustive,
    steps,
    topPlans: views,
    winnerReason,
  };
}
