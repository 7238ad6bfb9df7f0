import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locationAtp } from "../inventory/stock";
import type { TransferConfig } from "./config";
import { prepareNetwork, suggestForSku } from "./suggest";
import type { TransferLocation, TransferSku, TransferSuggestion } from "./suggest";
import { caseArb, referenceMoves } from "./test-support";

// The properties issue #6 asks for, on random networks of up to 12 locations (types, thresholds, pack sizes, minimum
// batches, reserved and safety stock, inbound and outbound all random).

const ceil = (x: number) => Math.ceil(x - 1e-9);
const run = (locations: readonly TransferLocation[], sku: TransferSku, config: TransferConfig) => suggestForSku(prepareNetwork(locations), sku, config);

/** Per location: units received (+) and given (−). */
function net(suggestions: readonly TransferSuggestion[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const s of suggestions) {
    m.set(s.fromLocationId, (m.get(s.fromLocationId) ?? 0) - s.quantity);
    m.set(s.toLocationId, (m.get(s.toLocationId) ?? 0) + s.quantity);
  }
  return m;
}

function context(locations: readonly TransferLocation[], sku: TransferSku, config: TransferConfig) {
  const loc = new Map(locations.map((l) => [l.id, l]));
  const lvl = new Map(sku.levels.map((l) => [l.locationId, l]));
  return (id: number) => {
    const level = lvl.get(id)!;
    const t = config.byType[loc.get(id)!.type];
    return { level, t, atp: locationAtp(level), v: level.velocity };
  };
}

/** mulberry32 shuffle, so fast-check only has to draw a seed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("transfer suggestion properties", () => {
  it("agree with the reference rules (nearest-source search by row scan and by sorting few sources)", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        const got = run(locations, sku, config).map((s) => ({ from: s.fromLocationId, to: s.toLocationId, quantity: s.quantity, packSize: s.packSize }));
        expect(got).toEqual(referenceMoves(locations, sku, config));
      }),
      { numRuns: 500 },
    );
  });

  it("agree with the reference rules on larger networks too", () => {
    fc.assert(
      fc.property(caseArb(40), ({ locations, sku, config }) => {
        const got = run(locations, sku, config).map((s) => ({ from: s.fromLocationId, to: s.toLocationId, quantity: s.quantity, packSize: s.packSize }));
        expect(got).toEqual(referenceMoves(locations, sku, config));
      }),
      { numRuns: 100 },
    );
  });

  it("never move reserved or safety stock, and never leave a source below its target cover", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        const of = context(locations, sku, config);
        for (const [id, delta] of net(run(locations, sku, config))) {
          if (delta >= 0) continue;
          const { level, t, atp, v } = of(id);
          const after = atp - (level.outbound ?? 0) + delta;
          expect(level.onHand + delta).toBeGreaterThanOrEqual(level.reserved + level.safetyStock);
          expect(after).toBeGreaterThanOrEqual(ceil(t.targetDays * v));
          // so not understocked either
          if (v > 0) expect(after / v).toBeGreaterThanOrEqual(t.understockDays - 1e-9);
        }
      }),
    );
  });

  it("move multiples of the pack size, at least the source's minimum batch, between distinct locations", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        const of = context(locations, sku, config);
        for (const s of run(locations, sku, config)) {
          const { t } = of(s.fromLocationId);
          expect(s.packSize).toBe(sku.packSize ?? t.packSize);
          expect(s.quantity % s.packSize).toBe(0);
          expect(s.quantity).toBeGreaterThanOrEqual(Math.max(1, t.minBatch));
          expect(s.fromLocationId).not.toBe(s.toLocationId);
        }
      }),
    );
  });

  it("give a destination no more than it needs for its target cover (beyond one pack), and never overstock it", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        const of = context(locations, sku, config);
        const suggestions = run(locations, sku, config);
        const pack = new Map<number, number>();
        for (const s of suggestions) pack.set(s.toLocationId, Math.max(pack.get(s.toLocationId) ?? 1, s.packSize));
        for (const [id, delta] of net(suggestions)) {
          if (delta <= 0) continue;
          const { level, t, atp, v } = of(id);
          const position = atp + (level.inbound ?? 0);
          expect(position).toBeLessThan(t.understockDays * v);
          expect(delta).toBeLessThanOrEqual(ceil(t.targetDays * v) - position + pack.get(id)! - 1);
          expect((position + delta) / v).toBeLessThanOrEqual(t.overstockDays + 1e-9);
        }
      }),
    );
  });

  it("only move from overstocked sources, and say so with consistent numbers", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        for (const s of run(locations, sku, config)) {
          const src = s.reason.source;
          if (src.coverDays !== null) expect(src.coverDays).toBeGreaterThan(src.overstockDays);
          expect(s.reason.destination.coverDays).toBeLessThan(s.reason.destination.understockDays);
          expect(s.quantity).toBeLessThanOrEqual(src.spareUnits);
          expect(s.effect.stockOutDaysAvoided).toBeGreaterThanOrEqual(0);
          expect(s.effect.destinationCoverAfter).toBeGreaterThan(s.effect.destinationCoverBefore);
          expect(s.reason.distanceKm).toBeLessThanOrEqual(config.maxDistanceKm);
        }
      }),
    );
  });

  it("are deterministic and independent of the order of locations and levels", () => {
    fc.assert(
      fc.property(caseArb(), fc.integer(), ({ locations, sku, config }, seed) => {
        const first = run(locations, sku, config);
        expect(run(locations, sku, config)).toEqual(first);
        const again = run(shuffled(locations, seed), { ...sku, levels: shuffled(sku.levels, seed + 1) }, config);
        expect(again).toEqual(first);
      }),
    );
  });

  it("reuse of one network across SKUs changes nothing", () => {
    fc.assert(
      fc.property(caseArb(), caseArb(), ({ locations, sku, config }, other) => {
        const network = prepareNetwork(locations);
        const alone = suggestForSku(network, sku, config);
        suggestForSku(network, { ...other.sku, levels: other.sku.levels.filter((l) => locations.some((x) => x.id === l.locationId)) }, config);
        expect(suggestForSku(network, sku, config)).toEqual(alone);
      }),
    );
  });

  it("suggest nothing when no location is overstocked", () => {
    fc.assert(
      fc.property(caseArb(), ({ locations, sku, config }) => {
        const of = context(locations, sku, config);
        // Cap every level at its overstock threshold (no free units at all where nothing sells).
        const levels = sku.levels.map((l) => {
          const { t, v } = of(l.locationId);
          const maxFree = v > 0 ? Math.floor(t.overstockDays * v) : 0;
          const onHand = Math.min(l.onHand, l.reserved + l.safetyStock + maxFree + (l.outbound ?? 0));
          return { ...l, onHand, reserved: Math.min(l.reserved, onHand) };
        });
        expect(run(locations, { ...sku, levels }, config)).toEqual([]);
      }),
    );
  });
});
