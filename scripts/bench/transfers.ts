// Issue #6: transfer suggestions for 10,000 SKUs × 200 locations, target (with the database) under 30 s. This part is
// the pure engine alone, on one core, over a seeded synthetic network built in memory: `npx tsx
// scripts/bench/transfers.ts`. The figure leaves the rest of the 30 s to loading stock levels and saving suggestions.
import os from "node:os";
import { type TransferLocation, type TransferSku, prepareNetwork, suggestAll } from "@/lib/transfers";
import { prng } from "./prng";

const LOCATIONS = 200;
const SKUS = 10_000;

const CITIES = [
  { lat: 31.2, lng: 121.5 },
  { lat: 30.3, lng: 120.2 },
  { lat: 32.1, lng: 118.8 },
  { lat: 23.1, lng: 113.3 },
  { lat: 39.9, lng: 116.4 },
  { lat: 30.7, lng: 104.1 },
  { lat: 30.6, lng: 114.3 },
];

/**
 * 8 warehouses, 16 DCs, 176 stores around 7 cities. Per SKU a popularity (log-uniform over 0.05–5 units/day at an
 * average store) times a per-location size; a fifth of the locations do not sell it. Stock is drawn as days of cover:
 * 15 % short (0–6 days), 60 % normal (8–55), 25 % long (60–200); where it does not sell, half hold 0–20 dead units.
 */
export function transferBenchNetwork(seed = 6): { locations: TransferLocation[]; skus: TransferSku[] } {
  const rnd = prng(seed);
  const locations: TransferLocation[] = [];
  const size: number[] = [];
  for (let id = 1; id <= LOCATIONS; id++) {
    const c = CITIES[Math.floor(rnd() * CITIES.length)];
    const type = id <= 8 ? "WAREHOUSE" : id <= 24 ? "DC" : "STORE";
    locations.push({ id, code: `${type === "STORE" ? "ST" : type === "DC" ? "DC" : "WH"}-${String(id).padStart(3, "0")}`, type, lat: c.lat + (rnd() - 0.5) * 2, lng: c.lng + (rnd() - 0.5) * 2 });
    size.push(type === "STORE" ? 0.5 + 1.5 * rnd() : type === "DC" ? 2 * rnd() : 0.5 * rnd());
  }
  const skus: TransferSku[] = [];
  for (let skuId = 1; skuId <= SKUS; skuId++) {
    const popularity = 0.05 * Math.pow(100, rnd());
    const levels: TransferSku["levels"][number][] = [];
    for (let i = 0; i < LOCATIONS; i++) {
      const sells = rnd() >= 0.2;
      const velocity = sells ? Math.round(popularity * size[i] * (0.5 + rnd()) * 100) / 100 : 0;
      const r = rnd();
      const cover = r < 0.15 ? 6 * rnd() : r < 0.75 ? 8 + 47 * rnd() : 60 + 140 * rnd();
      const free = velocity > 0 ? Math.round(cover * velocity) : rnd() < 0.5 ? Math.floor(21 * rnd()) : 0;
      const reserved = Math.floor(rnd() * 3);
      const safetyStock = locations[i].type === "STORE" ? 1 : 5;
      levels.push({ locationId: locations[i].id, onHand: free + reserved + safetyStock, reserved, safetyStock, velocity });
    }
    skus.push({ skuId, levels });
  }
  return { locations, skus };
}

export type TransferBench = { seconds: number; cpuSeconds: number; skus: number; locations: number; suggestions: number; units: number };

export function benchTransfers(): TransferBench {
  const built = performance.now();
  const { locations, skus } = transferBenchNetwork();
  const buildSeconds = (performance.now() - built) / 1000;

  const cpu = process.cpuUsage();
  const started = performance.now();
  const network = prepareNetwork(locations);
  const run = suggestAll(network, skus);
  let step = run.next();
  while (!step.done) step = run.next();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const totals = step.value;

  const result = { seconds, cpuSeconds: (used.user + used.system) / 1e6, skus: totals.skus, locations: locations.length, suggestions: totals.suggestions, units: totals.units };
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(`\nTransfer suggestions (node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}): synthetic network built in memory in ${buildSeconds.toFixed(1)} s, engine only, one core`);
  console.log("\n| transfer suggestions | SKUs × locations | time | per SKU | suggestions | units moved |\n|---|---|---|---|---|---|");
  console.log(`| suggestAll, in memory (no database) | ${fmt(result.skus)} × ${result.locations} | ${seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s) | ${((seconds * 1e6) / result.skus).toFixed(0)} µs | ${fmt(result.suggestions)} | ${fmt(result.units)} |`);
  return result;
}

if (process.argv[1]?.endsWith("transfers.ts")) benchTransfers();
