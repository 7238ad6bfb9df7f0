import { beforeAll, describe, expect, it } from "vitest";
import type { DataScope } from "@/lib/auth/roles";
import { COUNT_CAP, DEFAULT_QUERY, type GridQuery } from "@/lib/inventory/grid-query";
import { resetDatabase } from "@/tests/support/fixture";
import { addBulkSkus, NOW, seedInventoryFixture } from "@/tests/support/inventory-fixture";
import { getGridOptions, getInventoryGrid } from "./grid";

let ids: Awaited<ReturnType<typeof seedInventoryFixture>>;
const HQ: DataScope = { kind: "network" };
let partnerA: DataScope;
let store: DataScope;

const q = (change: Partial<GridQuery> = {}): GridQuery => ({ ...DEFAULT_QUERY, ...change });
/** "SKU@LOCATION" for each row of a page. */
async function keys(scope: DataScope, query: Partial<GridQuery> = {}) {
  return (await getInventoryGrid(scope, q(query), NOW)).rows.map((r) => `${r.skuCode}@${r.locationCode}`);
}

describe("inventory grid (fixture worked out by hand in tests/support/inventory-fixture.ts)", () => {
  beforeAll(async () => {
    await resetDatabase();
    ids = await seedInventoryFixture();
    partnerA = { kind: "brand", brandId: ids.brands.a.id };
    store = { kind: "location", locationId: ids.locations.st.id };
  });

  it("lists every stock level for HQ, by SKU then location code, with its figures", async () => {
    const page = await getInventoryGrid(HQ, q(), NOW);
    expect(page.rows.map((r) => `${r.skuCode}@${r.locationCode}`)).toEqual([
      "A1@DC", "A1@ST", "A1@WH", "A2@DC", "A2@ST", "A2@WH", "A3@WH", "B1@DC", "B1@ST", "B1@WH",
    ]);
    expect(page).toMatchObject({ total: 10, capped: false, hasNext: false, page: 1, pageSize: 50 });
    expect(page.rows.find((r) => r.skuCode === "A1" && r.locationCode === "WH")).toEqual({
      skuId: ids.skus.a1.id, skuCode: "A1", skuName: "Item A1", brandCode: "A", brandName: "Alpha", category: "Shoes",
      locationId: ids.locations.wh.id, locationCode: "WH", locationName: "Jiaxing WAREHOUSE", locationType: "WAREHOUSE",
      region: "EAST", onHand: 130, reserved: 12, safetyStock: 5, inTransit: 0, atp: 113, status: "ok", oldestAgeDays: 120,
    });
    const status = Object.fromEntries(page.rows.map((r) => [`${r.skuCode}@${r.locationCode}`, [r.status, r.atp, r.oldestAgeDays]]));
    expect(status["A1@ST"]).toEqual(["out", 0, 5]);
    expect(status["A2@DC"]).toEqual(["out", 0, null]);
    expect(status["A2@ST"]).toEqual(["below", 0, 5]);
    expect(status["B1@DC"]).toEqual(["ok", 395, 5]);
  });

  it.each<[string, Partial<GridQuery>, string[]]>([
    ["stock-outs", { out: true }, ["A1@ST", "A2@DC"]],
    ["below safety", { below: true }, ["A2@ST"]],
    ["either alert", { out: true, below: true }, ["A1@ST", "A2@DC", "A2@ST"]],
    ["aged over 90 days", { aged: true }, ["A1@WH", "B1@ST"]],
    ["brand B", { brand: "B" }, ["B1@DC", "B1@ST", "B1@WH"]],
    ["an unknown brand", { brand: "ZZ" }, []],
    ["category", { category: "Bags" }, ["A3@WH"]],
    ["location type", { type: "DC" }, ["A1@DC", "A2@DC", "B1@DC"]],
    ["region", { region: "NORTH" }, ["A1@DC", "A2@DC", "B1@DC"]],
    ["one location", { location: "ST" }, ["A1@ST", "A2@ST", "B1@ST"]],
    ["search by SKU code, any case", { q: "a2" }, ["A2@DC", "A2@ST", "A2@WH"]],
    ["search by location name", { q: "jiaxing" }, ["A1@WH", "A2@WH", "A3@WH", "B1@WH"]],
    ["search by SKU name", { q: "TOTE" }, ["A3@WH"]],
    ["search matching a SKU and a location", { q: "shanghai" }, ["A1@ST", "A2@ST", "A3@WH", "B1@ST"]],
    ["search matching nothing", { q: "nothing like this" }, []],
    ["a search's % taken literally", { q: "%" }, []],
    ["a search's _ taken literally", { q: "A_" }, []],
    ["filters together", { type: "STORE", out: true, brand: "A" }, ["A1@ST"]],
  ])("filters: %s", async (_name, filter, expected) => {
    expect(await keys(HQ, filter)).toEqual(expected);
    const page = await getInventoryGrid(HQ, q(filter), NOW);
    expect(page.total).toBe(expected.length);
  });

  it.each<[string, Partial<GridQuery>, string[]]>([
    ["on hand, largest first", { sort: "onHand", dir: "desc" },
      ["B1@WH", "B1@DC", "A1@WH", "A2@WH", "A1@DC", "A3@WH", "B1@ST", "A2@ST", "A1@ST", "A2@DC"]],
    ["ATP, smallest first (ties by SKU, then location id)", { sort: "atp", dir: "asc" },
      ["A1@ST", "A2@DC", "A2@ST", "B1@ST", "A3@WH", "A1@DC", "A2@WH", "A1@WH", "B1@DC", "B1@WH"]],
    ["reserved, largest first", { sort: "reserved", dir: "desc" }, ["B1@DC", "A1@WH", "A1@ST", "A2@ST"]],
    ["location code, Z→A", { sort: "location", dir: "desc" }, ["B1@WH", "A3@WH", "A2@WH", "A1@WH"]],
    ["age, oldest first; no stock, no age: last", { sort: "age", dir: "desc" },
      ["A1@WH", "B1@ST", "A1@DC", "A1@ST", "A2@WH", "A2@ST", "B1@WH", "B1@DC", "A3@WH", "A2@DC"]],
    ["age, youngest first; no stock, no age: last", { sort: "age", dir: "asc" },
      ["A3@WH", "B1@DC", "B1@WH", "A2@ST", "A2@WH", "A1@ST", "A1@DC", "B1@ST", "A1@WH", "A2@DC"]],
  ])("sorts: %s", async (_name, sort, expectedStart) => {
    const got = await keys(HQ, sort);
    expect(got.slice(0, expectedStart.length)).toEqual(expectedStart);
    expect(got).toHaveLength(10);
  });

  describe("brand partner (brand A)", () => {
    it("sees only brand A's stock levels", async () => {
      const page = await getInventoryGrid(partnerA, q(), NOW);
      expect(page.rows.map((r) => r.brandCode)).toEqual(["A", "A", "A", "A", "A", "A", "A"]);
      expect(page.total).toBe(7);
    });
    it("cannot widen the scope with filters, search or sort", async () => {
      expect(await keys(partnerA, { brand: "B" })).toEqual([]);
      expect(await keys(partnerA, { q: "B1" })).toEqual([]);
      expect(await keys(partnerA, { q: "jiaxing" })).toEqual(["A1@WH", "A2@WH", "A3@WH"]);
      expect(await keys(partnerA, { sort: "onHand", dir: "desc" })).not.toContain("B1@WH");
      expect(await keys(partnerA, { sort: "age", dir: "desc" })).toEqual(["A1@WH", "A1@DC", "A1@ST", "A2@WH", "A2@ST", "A3@WH", "A2@DC"]);
      expect((await getInventoryGrid(partnerA, q({ out: true, below: true }), NOW)).total).toBe(3);
    });
    it("is offered only its own brand and categories", async () => {
      const options = await getGridOptions(partnerA);
      expect(options.brands).toEqual([{ code: "A", name: "Alpha" }]);
      expect(options.categories).toEqual(["Bags", "Shoes"]);
    });
  });

  describe("store manager", () => {
    it("sees their store's stock levels only", async () => {
      expect(await keys(store)).toEqual(["A1@ST", "A2@ST", "B1@ST"]);
      expect(await keys(store, { type: "WAREHOUSE" })).toEqual([]);
      expect(await keys(store, { q: "jiaxing" })).toEqual([]);
      expect(await keys(store, { sort: "age", dir: "desc" })).toEqual(["B1@ST", "A1@ST", "A2@ST"]);
    });
  });
});

describe("inventory grid paging", () => {
  beforeAll(async () => {
    await resetDatabase();
    ids = await seedInventoryFixture();
    // 60 more SKUs at the store, on hand i % 3 (a third with nothing on hand, so no lot and no age).
    await addBulkSkus(60, ids.brands.b.id, ids.locations.st.id, (i) => i % 3);
  });

  it("pages by 50 with the exact total and a next page while rows remain", async () => {
    const p1 = await getInventoryGrid(HQ, q(), NOW);
    const p2 = await getInventoryGrid(HQ, q({ page: 2 }), NOW);
    const p3 = await getInventoryGrid(HQ, q({ page: 3 }), NOW);
    expect([p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([50, 20, 0]);
    expect([p1.hasNext, p2.hasNext, p3.hasNext]).toEqual([true, false, false]);
    expect(p1.total).toBe(70);
    const all = [...p1.rows, ...p2.rows].map((r) => `${r.skuCode}@${r.locationCode}`);
    expect(new Set(all).size).toBe(70);
    expect(all).toEqual([...all].sort());
  });

  it("continues the age order across pages into the stock levels without an age", async () => {
    const p1 = await keys(HQ, { sort: "age", dir: "desc" });
    const p2 = await keys(HQ, { sort: "age", dir: "desc", page: 2 });
    // 49 stock levels have lots (9 of the fixture, 40 bulk); then 21 without, by code: A2@DC, then the bulk zeros.
    expect(p1.slice(0, 3)).toEqual(["A1@WH", "B1@ST", "A1@DC"]);
    expect(p1.slice(48)).toEqual(["BULK00059@ST", "A2@DC"]);
    expect(p2[0]).toBe("BULK00003@ST");
    expect(p2).toHaveLength(20);
    expect(new Set([...p1, ...p2]).size).toBe(70);
    expect(await keys(HQ, { sort: "age", dir: "desc", page: 3 })).toEqual([]);
  });

  it("sorts a quantity across pages without repeating or losing a row", async () => {
    const rows = [
      ...(await getInventoryGrid(HQ, q({ sort: "onHand", dir: "asc" }), NOW)).rows,
      ...(await getInventoryGrid(HQ, q({ sort: "onHand", dir: "asc", page: 2 }), NOW)).rows,
    ];
    expect(rows).toHaveLength(70);
    expect(rows.map((r) => r.onHand)).toEqual(rows.map((r) => r.onHand).sort((a, b) => a - b));
  });
});

describe("inventory grid total beyond the cap", () => {
  beforeAll(async () => {
    await resetDatabase();
    ids = await seedInventoryFixture();
    await addBulkSkus(COUNT_CAP + 1, ids.brands.b.id, ids.locations.st.id, () => 1);
  }, 120_000);

  it("reports 10,000+ instead of counting every row, and still pages to the end", async () => {
    const first = await getInventoryGrid(HQ, q(), NOW);
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true, hasNext: true });
    const last = await getInventoryGrid(HQ, q({ page: Math.floor((COUNT_CAP + 11) / 50) + 1 }), NOW);
    expect(last.rows).toHaveLength((COUNT_CAP + 11) % 50);
    expect(last.hasNext).toBe(false);
  });

  it("counts exactly when a filter brings the rows under the cap", async () => {
    expect(await getInventoryGrid(HQ, q({ brand: "A" }), NOW)).toMatchObject({ total: 7, capped: false });
  });
});
