import { describe, expect, it } from "vitest";
import { BRANDS, buildLocations, buildSkus, CHANNELS, stockFor } from "./network";
import { createRng } from "./random";

describe("demo network", () => {
  it("has one national warehouse, four regional DCs and the rest stores", () => {
    const locations = buildLocations(45);
    const count = (type: string) => locations.filter((l) => l.type === type).length;
    expect([count("WAREHOUSE"), count("DC"), count("STORE")]).toEqual([1, 4, 40]);
  });
  it("keeps codes unique and coordinates inside China, up to 200 locations", () => {
    const locations = buildLocations(200);
    expect(new Set(locations.map((l) => l.code)).size).toBe(200);
    for (const l of locations) {
      expect(l.latitude).toBeGreaterThan(18);
      expect(l.latitude).toBeLessThan(54);
      expect(l.longitude).toBeGreaterThan(73);
      expect(l.longitude).toBeLessThan(135);
    }
    expect(new Set(locations.map((l) => l.city)).size).toBeGreaterThan(40);
  });
  it("includes the store the demo store manager is bound to", () => {
    expect(buildLocations(45).some((l) => l.code === "ST-SHA-001")).toBe(true);
  });
  it("is the same for the same seed and differs for another", () => {
    expect(buildLocations(60, 7)).toEqual(buildLocations(60, 7));
    expect(buildLocations(60, 7)).not.toEqual(buildLocations(60, 8));
  });
});

describe("demo catalogue", () => {
  it("makes exactly the SKUs asked for, with unique codes across at least three brands", () => {
    const skus = buildSkus(2000);
    expect(skus).toHaveLength(2000);
    expect(new Set(skus.map((s) => s.code)).size).toBe(2000);
    expect(new Set(skus.map((s) => s.brandCode)).size).toBeGreaterThanOrEqual(3);
    expect(BRANDS.length).toBeGreaterThanOrEqual(3);
  });
  it("prices above cost", () => {
    for (const s of buildSkus(500)) expect(s.costCents).toBeLessThan(s.priceCents);
  });
  it("has the six channels of the brief", () => {
    expect(CHANNELS.map((c) => c.type).sort()).toEqual(["LIVESTREAM", "MARKETPLACE", "MARKETPLACE", "MINIPROGRAM", "POS", "WEBSTORE"]);
  });
});

describe("demo stock", () => {
  it("never reserves more than is on hand and is skewed: some stock-outs, deep DCs", () => {
    const rng = createRng(1);
    const locations = buildLocations(45);
    const skus = buildSkus(300);
    let storeRows = 0;
    let storeOuts = 0;
    for (const l of locations) {
      for (const s of skus) {
        const q = stockFor(l, s, rng);
        expect(q.reserved).toBeLessThanOrEqual(q.onHand);
        expect(Math.min(q.onHand, q.reserved, q.safetyStock, q.inTransit)).toBeGreaterThanOrEqual(0);
        if (l.type === "STORE") {
          storeRows++;
          if (q.onHand - q.reserved <= 0) storeOuts++;
        }
      }
    }
    expect(storeOuts / storeRows).toBeGreaterThan(0.03);
    expect(storeOuts / storeRows).toBeLessThan(0.25);
  });
});
