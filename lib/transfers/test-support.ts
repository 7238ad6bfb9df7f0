// Test-only (nothing in the app imports this): hand-made locations, fast-check generators for small networks, and a
// plain reference of the suggestion rules (suggest.ts) that sorts every source for every destination — the real
// code's two nearest-source searches must agree with it.

import fc from "fast-check";
import { locationAtp } from "../inventory/stock";
import { haversineMetres } from "../routing/geo";
import type { LocationType } from "../routing/types";
import type { LocationThresholds, TransferConfig } from "./config";
import type { TransferLevel, TransferLocation, TransferSku } from "./suggest";

const KM_PER_DEGREE = (6_371_008.8 * Math.PI) / 180 / 1000;

/** A location `km` north of (30°N, 120°E). */
export function place(id: number, name: string, type: LocationType, km: number): TransferLocation {
  return { id, code: `L${String(id).padStart(2, "0")}`, name, type, lat: 30 + km / KM_PER_DEGREE, lng: 120 };
}

export function level(locationId: number, onHand: number, velocity: number, over: Partial<TransferLevel> = {}): TransferLevel {
  return { locationId, onHand, reserved: 0, safetyStock: 0, velocity, ...over };
}

const TYPES: LocationType[] = ["WAREHOUSE", "DC", "STORE"];
/** true four times in five. */
const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });

// A coarse grid, so equal distances (and code tie-breaks) happen often.
const POINTS = [0, 0.1, 0.2, 0.5, 1];

export const locationsArb = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: max }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ type: fc.constantFrom(...TYPES), lat: fc.constantFrom(...POINTS), lng: fc.constantFrom(...POINTS) }).map((r) => ({ id, code: `C${String((id * 37) % 101).padStart(3, "0")}`, type: r.type, lat: 30 + r.lat, lng: 120 + r.lng })))),
  );

const levelArb = (locationId: number) =>
  fc.record({
    onHand: fc.oneof(fc.nat(5), fc.nat(40), fc.nat(400)),
    reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    safetyStock: fc.nat(10),
    velocity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 }).map((x) => x / 10)),
    inbound: fc.option(fc.nat(10), { nil: undefined }),
    outbound: fc.option(fc.nat(10), { nil: undefined }),
  }).map(({ onHand, reservedShare, ...rest }): TransferLevel => ({ locationId, onHand, reserved: Math.floor(onHand * reservedShare), ...rest }));

export const skuArb = (locations: readonly TransferLocation[]) =>
  fc.record({
    packSize: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    present: fc.array(mostly, { minLength: locations.length, maxLength: locations.length }),
  }).chain(({ packSize, present }) => {
    const ids = locations.filter((_, i) => present[i] || i === 0).map((l) => l.id);
    return fc.tuple(...ids.map(levelArb)).map((levels): TransferSku => ({ skuId: 7, packSize, levels }));
  });

const thresholdsArb: fc.Arbitrary<LocationThresholds> = fc
  .record({
    understockDays: fc.integer({ min: 0, max: 14 }),
    toTarget: fc.integer({ min: 0, max: 20 }),
    toOverstock: fc.integer({ min: 0, max: 40 }),
    minBatch: fc.integer({ min: 1, max: 6 }),
    packSize: fc.integer({ min: 1, max: 6 }),
    receives: mostly,
    sends: mostly,
  })
  .map(({ understockDays, toTarget, toOverstock, ...rest }) => ({
    understockDays,
    targetDays: understockDays + toTarget,
    overstockDays: understockDays + toTarget + toOverstock,
    ...rest,
  }));

export const configArb: fc.Arbitrary<TransferConfig> = fc.record({
  byType: fc.record({ WAREHOUSE: thresholdsArb, DC: thresholdsArb, STORE: thresholdsArb }),
  horizonDays: fc.integer({ min: 1, max: 60 }),
  maxDistanceKm: fc.oneof({ arbitrary: fc.constant(Infinity), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 150 }), weight: 1 }),
});

/** A network, one SKU on it and a config. */
export const caseArb = (maxLocations = 12) =>
  fc.tuple(locationsArb(maxLocations), configArb).chain(([locations, config]) => skuArb(locations).map((sku) => ({ locations, sku, config })));

export type Move = { from: number; to: number; quantity: number; packSize: number };

/** The rules of suggest.ts written the slow, obvious way. */
export function referenceMoves(locations: readonly TransferLocation[], sku: TransferSku, config: TransferConfig): Move[] {
  const byId = new Map(locations.map((l) => [l.id, l]));
  type Row = { loc: TransferLocation; v: number; position: number; need: number; room: number; spare: number; cover: number };
  const dsts: Row[] = [];
  const srcs: Row[] = [];
  for (const lv of sku.levels) {
    const loc = byId.get(lv.locationId);
    if (!loc) continue;
    const t = config.byType[loc.type];
    const atp = locationAtp(lv);
    const v = lv.velocity > 0 ? lv.velocity : 0;
    const position = atp + (lv.inbound ?? 0);
    const free = atp - (lv.outbound ?? 0);
    const row = { loc, v, position, need: 0, room: 0, spare: 0, cover: v > 0 ? position / v : Infinity };
    if (t.receives && v > 0 && position < t.understockDays * v) {
      row.need = Math.ceil(t.targetDays * v - 1e-9) - position;
      row.room = Math.floor(t.overstockDays * v + 1e-9) - position;
      if (row.need > 0) dsts.push(row);
    } else if (t.sends && (v > 0 ? free > t.overstockDays * v : free > 0)) {
      row.spare = free - Math.ceil(t.targetDays * v - 1e-9);
      if (row.spare > 0) srcs.push(row);
    }
  }
  const code = (a: Row, b: Row) => (a.loc.code < b.loc.code ? -1 : 1);
  dsts.sort((a, b) => a.cover - b.cover || b.v - a.v || code(a, b));
  const moves: Move[] = [];
  for (const d of dsts) {
    const dist = (s: Row) => haversineMetres(d.loc, s.loc);
    const near = [...srcs].sort((a, b) => dist(a) - dist(b) || code(a, b));
    let got = 0;
    for (const s of near) {
      if (got >= d.need) break;
      if (dist(s) > config.maxDistanceKm * 1000) break;
      const t = config.byType[s.loc.type];
      const pack = sku.packSize ?? t.packSize;
      const wanted = Math.ceil((d.need - got) / pack) * pack;
      const cap = Math.min(s.spare, d.room - got);
      const q = wanted <= cap ? wanted : Math.floor(cap / pack) * pack;
      if (q <= 0 || q < t.minBatch) continue;
      s.spare -= q;
      got += q;
      moves.push({ from: s.loc.id, to: d.loc.id, quantity: q, packSize: pack });
    }
  }
  return moves;
}
