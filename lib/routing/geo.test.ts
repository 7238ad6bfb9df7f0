import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceBoundFrom, distanceFrom } from "./geo";

// The block search skips measuring a location when even this bound puts it out of reach, so it must never exceed
// the distance (route.test.ts and properties.test.ts check the decisions; this checks the bound itself).
describe("distance lower bound", () => {
  const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -540, max: 540, noNaN: true }) });

  it("never exceeds the distance, anywhere on the globe", () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(distanceBoundFrom(a)(b.lat, b.lng)).toBeLessThanOrEqual(distanceFrom(a)(b.lat, b.lng));
      }),
      { numRuns: 20_000 },
    );
  });

  it("never exceeds the distance between close points, where the bound is tightest", () => {
    const near = fc.tuple(point, fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }));
    fc.assert(
      fc.property(near, ([a, dLat, dLng]) => {
        const lat = Math.max(-90, Math.min(90, a.lat + dLat));
        expect(distanceBoundFrom(a)(lat, a.lng + dLng)).toBeLessThanOrEqual(distanceFrom(a)(lat, a.lng + dLng));
      }),
      { numRuns: 20_000 },
    );
  });

  it("is within a fraction of a per cent at regional distances, and 0 where it cannot hold", () => {
    const shanghai = { lat: 31.2304, lng: 121.4737 };
    const exact = distanceFrom(shanghai)(39.9042, 116.4074);
    const bound = distanceBoundFrom(shanghai)(39.9042, 116.4074);
    expect(bound).toBeLessThanOrEqual(exact);
    expect(bound).toBeGreaterThan(exact * 0.995);
    expect(distanceBoundFrom(shanghai)(shanghai.lat, shanghai.lng)).toBe(0);
    expect(distanceBoundFrom(shanghai)(95, 0)).toBe(0);
    expect(distanceBoundFrom(shanghai)(Number.NaN, 0)).toBe(0);
    expect(distanceBoundFrom({ lat: 100, lng: 0 })(30, 120)).toBe(0);
  });
});
