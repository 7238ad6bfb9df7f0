import { describe, expect, it } from "vitest";
import { loadComparison, metricRows } from "./replay-view";

const m = (over: Partial<Parameters<typeof metricRows>[0]["draft"]> = {}) => ({
  splitRate: 0.1, avgKm: 100, shippingCents: 5000, backOrderedUnits: 2, backOrderedOrders: 1, load: [], ...over,
});

describe("metricRows", () => {
  it("gives the difference and whether the draft does better (lower is better)", () => {
    const rows = metricRows({ draft: m({ avgKm: 80, shippingCents: 6000, splitRate: 0.1 + 1e-12 }), active: m() });
    expect(rows.find((r) => r.kind === "avgKm")).toEqual({ kind: "avgKm", draft: 80, active: 100, delta: -20, better: true });
    expect(rows.find((r) => r.kind === "shippingCents")?.better).toBe(false);
    expect(rows.find((r) => r.kind === "splitRate")).toMatchObject({ delta: 0, better: null });
    expect(rows.map((r) => r.kind)).toEqual(["splitRate", "avgKm", "shippingCents", "backOrderedUnits", "backOrderedOrders"]);
  });
});

describe("loadComparison", () => {
  it("merges both loads, busiest first, and keeps the top few", () => {
    const rows = loadComparison(
      [{ code: "A", shipments: 5, units: 9 }, { code: "B", shipments: 1, units: 1 }],
      [{ code: "C", shipments: 7, units: 7 }, { code: "A", shipments: 2, units: 3 }],
      2,
    );
    expect(rows).toEqual([
      { code: "C", draft: 0, active: 7, draftUnits: 0, activeUnits: 7 },
      { code: "A", draft: 5, active: 2, draftUnits: 9, activeUnits: 3 },
    ]);
  });
});
