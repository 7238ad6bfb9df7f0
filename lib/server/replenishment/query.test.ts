import { describe, expect, it } from "vitest";
import { buildLines, compareLines, dailySeries, pageLines } from "./rows";
import { hasBlankParams, parseReplenishmentQuery, replenishmentHref } from "./query";

describe("replenishment query", () => {
  it("defaults to the quantity to order, largest first, and keeps links short", () => {
    const { query, problems } = parseReplenishmentQuery({});
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ sort: "quantity", dir: "desc", page: 1, needs: false });
    expect(replenishmentHref("/replenishment", query)).toBe("/replenishment");
    expect(replenishmentHref("/replenishment", query, { location: "WH-01", needs: true, sort: "cover", dir: "asc" })).toBe("/replenishment?location=WH-01&needs=1&sort=cover");
  });

  it("reports bad parameters and drops them", () => {
    const { query, problems } = parseReplenishmentQuery(new URLSearchParams("location=%3Bdrop&sort=price&page=0&needs=yes&q=a&q=b"));
    expect(problems.map((p) => p.param).sort()).toEqual(["location", "needs", "page", "q", "sort"]);
    expect(query).toMatchObject({ location: undefined, sort: "quantity", page: 1, needs: false, q: undefined });
    expect(hasBlankParams({ brand: "", q: "x" })).toBe(true);
  });
});

describe("replenishment lines", () => {
  const stock = (skuId: number, code: string, onHand: number, safetyStock = 0) => ({
    skuId, skuCode: code, skuName: code, brandCode: "A", brandName: "Alpha", category: "Shoes", onHand, reserved: 0, inTransit: 0, safetyStock,
  });

  it("sums sales into the velocity window and ignores days outside it", () => {
    const s = dailySeries([{ skuId: 1, day: 0, units: 2 }, { skuId: 1, day: 0, units: 3 }, { skuId: 1, day: 27, units: 1 }, { skuId: 1, day: 28, units: 9 }, { skuId: 2, day: -1, units: 9 }]);
    expect(Array.from(s.get(1)!).filter((x) => x > 0)).toEqual([5, 1]);
    expect(s.get(2)).toBeUndefined();
  });

  it("orders what to order first, then by cover, and pages with the summary over every line", () => {
    const daily = new Map([[1, new Float64Array(28).fill(2)], [2, new Float64Array(28).fill(2)], [3, new Float64Array(28).fill(1)]]);
    // STORE: L 3, R 7; σ = 0. d = 2: ROP 6, target 20. d = 1: ROP 3, target 10.
    const lines = buildLines(9, "STORE", [stock(1, "C", 0), stock(2, "B", 5), stock(3, "A", 2), stock(4, "D", 0, 2)], daily);
    expect(lines.map((l) => [l.skuCode, l.onOrder, l.reorderPoint, l.quantity])).toEqual([["C", 0, 6, 20], ["B", 0, 6, 15], ["A", 0, 3, 8], ["D", 0, 2, 2]]);
    const page = pageLines(lines, { needs: false, sort: "quantity", dir: "desc", page: 1 }, 3);
    expect(page.rows.map((l) => l.skuCode)).toEqual(["C", "B", "A"]);
    expect(page).toMatchObject({ total: 4, hasNext: true, summary: { skus: 4, needing: 4, units: 45 } });
    expect([...lines].sort(compareLines("cover", "asc")).map((l) => l.skuCode)).toEqual(["C", "A", "B", "D"]);
  });
});
