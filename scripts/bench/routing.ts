// Issue #5: the routing core, target ≥ 20,000 decisions/s on one core for 3-line orders over 200 candidate locations
// with max 2 splits. Pure CPU, no database: `npx tsx scripts/bench/routing.ts` runs it alone. A seeded PRNG makes
// the network, the ATP and the orders the same on every run.
import os from "node:os";
import { type Candidate, type LocationType, type RoutingOrder, type Strategy, SET_BUDGET, route } from "@/lib/routing";
import { AtpColumns } from "@/lib/routing/atp-columns";
import { prng } from "./prng";

const LOCATIONS = 200;
const SKUS = 500;
const ORDERS = 2_000;
const MIN_SECONDS = 1.5;

const REGIONS = [
  { region: "EAST", province: "Shanghai", lat: 31.2, lng: 121.5 },
  { region: "EAST", province: "Zhejiang", lat: 30.3, lng: 120.2 },
  { region: "EAST", province: "Jiangsu", lat: 32.1, lng: 118.8 },
  { region: "SOUTH", province: "Guangdong", lat: 23.1, lng: 113.3 },
  { region: "NORTH", province: "Beijing", lat: 39.9, lng: 116.4 },
  { region: "WEST", province: "Sichuan", lat: 30.7, lng: 104.1 },
  { region: "CENTRAL", province: "Hubei", lat: 30.6, lng: 114.3 },
];

export function benchNetwork(seed = 5) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Each SKU is stocked at 30–60 % of the locations.
  const share = Array.from({ length: SKUS }, () => 0.3 + 0.3 * rnd());
  const candidates: Candidate[] = [];
  for (let id = 1; id <= LOCATIONS; id++) {
    const r = pick(REGIONS);
    const type: LocationType = id <= 8 ? "WAREHOUSE" : id <= 24 ? "DC" : "STORE";
    const atp = new Map<number, number>();
    for (let sku = 1; sku <= SKUS; sku++) if (rnd() < share[sku - 1]) atp.set(sku, 1 + Math.floor(rnd() * (type === "STORE" ? 8 : 60)));
    candidates.push({
      locationId: id,
      code: `${type === "STORE" ? "ST" : type === "DC" ? "DC" : "WH"}-${String(id).padStart(3, "0")}`,
      type,
      region: r.region,
      province: r.province,
      lat: r.lat + (rnd() - 0.5) * 2,
      lng: r.lng + (rnd() - 0.5) * 2,
      canShip: rnd() < 0.95,
      canPickup: type === "STORE",
      remainingCapacity: rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 200),
      cost: type === "STORE" ? { baseCents: 600, perKmCents: 2, perUnitCents: 80 } : { baseCents: 400 + Math.floor(rnd() * 300), perKmCents: 1, perUnitCents: 30 },
      atp,
    });
  }
  const orders: RoutingOrder[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const r = pick(REGIONS);
    const skus = new Set<number>();
    while (skus.size < 3) skus.add(1 + Math.floor(rnd() * SKUS));
    orders.push({
      destination: { lat: r.lat + (rnd() - 0.5) * 3, lng: r.lng + (rnd() - 0.5) * 3, province: r.province, region: r.region },
      lines: [...skus].map((skuId) => ({ skuId, quantity: rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 3) })),
      fulfilment: "SHIP",
    });
  }
  // What the caller passes per order: the candidates with the ATP of the order's SKUs (the stock rows it loaded).
  const perOrder = orders.map((o) =>
    candidates.map((c) => {
      const atp = new Map<number, number>();
      for (const l of o.lines) {
        const a = c.atp.get(l.skuId);
        if (a !== undefined) atp.set(l.skuId, a);
      }
      return { ...c, atp };
    }),
  );
  // As intake passes them: every candidate's ATP a column of one table over the SKUs loaded (a batch's ≈ 1,000 SKUs;
  // here all 500), shared by every order routed from that read.
  const table = AtpColumns.over(Array.from({ length: SKUS }, (_, i) => i + 1), candidates.length);
  const tabled = candidates.map((c) => ({ ...c, atp: table.column([...c.atp.keys()], [...c.atp.values()]) }));
  return { candidates, orders, perOrder, tabled: orders.map(() => tabled) };
}

const FILTERS: Strategy["filters"] = [{ kind: "capability" }, { kind: "capacity" }];

export const BENCH_STRATEGIES: [string, Strategy][] = [
  ["nearest (weighted), complete, lowest cost", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "nearest", measure: "weighted" }, { kind: "complete" }, { kind: "lowestCost" }] }],
  ["complete, nearest (weighted), lowest cost", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "complete" }, { kind: "nearest", measure: "weighted" }, { kind: "lowestCost" }] }],
  ["lowest cost, complete", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "lowestCost" }, { kind: "complete" }] }],
  ["designated (3 locations), complete, nearest (weighted)", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "designated", locationIds: [3, 7, 150] }, { kind: "complete" }, { kind: "nearest", measure: "weighted" }] }],
  ["designated (3 locations), complete, nearest (max), lowest cost", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "designated", locationIds: [3, 7, 150] }, { kind: "complete" }, { kind: "nearest", measure: "max" }, { kind: "lowestCost" }] }],
  // Worst case: nothing after "nearest max" separates plans whose farthest shipment is the same, so many tie and
  // the location codes decide; the search must keep a Pareto front of (distance, code) per block.
  ["worst case: designated (3 locations), complete, nearest (max)", { maxSplits: 2, filters: FILTERS, rankers: [{ kind: "designated", locationIds: [3, 7, 150] }, { kind: "complete" }, { kind: "nearest", measure: "max" }] }],
  ["nearest (max), lowest cost; same region, margin 1", { maxSplits: 2, filters: [...FILTERS, { kind: "sameRegion" }, { kind: "minAtpMargin", units: 1 }], rankers: [{ kind: "nearest", measure: "max" }, { kind: "lowestCost" }] }],
];

export type RoutingBenchRow = { name: string; perSecond: number; split: number; backOrdered: number; plans: number };

// `--atp=maps`: each order's candidates carry a map of its own SKUs (what the bench passed before session 7, for
// comparison with earlier figures). One input shape per process: route() fed both would be measured polymorphic.
const MAPS = process.argv.includes("--atp=maps");

/** Decisions per CPU-second of this process (not wall time: the figure is per core even on a busy machine). */
function perCpuSecond(orders: readonly RoutingOrder[], perOrder: readonly Candidate[][], strategy: Strategy, seconds: number): number {
  let n = 0;
  const started = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < seconds * 1e6) {
    for (let i = 0; i < orders.length; i++) route(orders[i], perOrder[i], strategy);
    n += orders.length;
    const used = process.cpuUsage(started);
    elapsed = used.user + used.system;
  }
  return n / (elapsed / 1e6);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function benchRouting(): RoutingBenchRow[] {
  const net = benchNetwork();
  const { candidates, orders } = net;
  const input = MAPS ? net.perOrder : net.tabled;
  console.log(`\nRouting core (node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}): ${orders.length} 3-line orders over ${candidates.length} candidate locations (${SKUS} SKUs, each stocked at 30–60 % of them), max 2 splits, one core`);
  console.log(`\nCandidates' ATP: ${MAPS ? "a map per candidate and order (--atp=maps)" : "one table shared by every order, as intake passes it (--atp=maps: a map per candidate and order)"}`);
  console.log("\n| strategy (filters: capability, capacity) | decisions/s | split plans | with back-orders | plans scored per decision |\n|---|---|---|---|---|");
  const rows: RoutingBenchRow[] = [];
  for (const [name, strategy] of BENCH_STRATEGIES) {
    let split = 0;
    let backOrdered = 0;
    let plans = 0;
    for (let i = 0; i < orders.length; i++) {
      const d = route(orders[i], input[i], strategy);
      if (d.kind !== "plan") throw new Error("expected a plan");
      if (d.plan.shipments.length > 1) split++;
      if (d.plan.backOrdered.length > 0) backOrdered++;
      plans += d.explanation.plansConsidered;
    }
    const row = { name, perSecond: perCpuSecond(orders, input, strategy, MIN_SECONDS), split: split / orders.length, backOrdered: backOrdered / orders.length, plans: plans / orders.length };
    rows.push(row);
    console.log(`| ${name} | ${fmt(row.perSecond)} | ${pct(row.split)} | ${pct(row.backOrdered)} | ${row.plans.toFixed(1)} |`);
  }
  // The rare path: a line no single location can fill (70 units; warehouses hold ≤ 60) takes the set search, which
  // over 200 candidates is narrowed to the SET_BUDGET most promising subsets.
  const few = 200;
  const big = orders.slice(0, few).map((o) => ({ ...o, lines: o.lines.map((l, i) => (i === 0 ? { ...l, quantity: 70 } : l)) }));
  const strategy = BENCH_STRATEGIES[0][1];
  let narrowed = 0;
  for (let i = 0; i < few; i++) if (!route(big[i], input[i], strategy).explanation.exhaustive) narrowed++;
  const rate = perCpuSecond(big, input.slice(0, few), strategy, MIN_SECONDS / 2);
  console.log(`\nSplit-line orders (first line 70 units, ${BENCH_STRATEGIES[0][0]}): ${fmt(rate)} decisions/s (${(1000 / rate).toFixed(2)} ms each); ${narrowed} of ${few} narrowed to ≤ ${fmt(SET_BUDGET)} location subsets`);
  return rows;
}

if (process.argv[1]?.endsWith("routing.ts")) benchRouting();
