import { beforeAll, describe, expect, it } from "vitest";
import type { DataScope } from "@/lib/auth/roles";
import { DEFAULT_QUERY, type GridFilters } from "@/lib/inventory/grid-query";
import { resetDatabase } from "@/tests/support/fixture";
import { addBulkSkus, NOW, seedInventoryFixture } from "@/tests/support/inventory-fixture";
import { CSV_COLUMNS, csvRow, exportGridRows } from "./export";
import { getInventoryGrid, type GridRow } from "./grid";

let ids: Awaited<ReturnType<typeof seedInventoryFixture>>;
const HQ: DataScope = { kind: "network" };
const f = (change: Partial<GridFilters> = {}): GridFilters => ({ ...DEFAULT_QUERY, ...change });

async function exported(scope: DataScope, filters: GridFilters, batchSize?: number) {
  const rows: GridRow[] = [];
  let batches = 0;
  for await (const batch of exportGridRows(scope, filters, NOW, batchSize)) {
    rows.push(...batch);
    batches++;
  }
  return { rows, batches, keys: rows.map((r) => `${r.skuCode}@${r.locationCode}`) };
}

beforeAll(async () => {
  await resetDatabase();
  ids = await seedInventoryFixture();
  await addBulkSkus(23, ids.brands.b.id, ids.locations.st.id, (i) => i);
});

describe("inventory CSV export", () => {
  it("streams every matching row in SKU, location order, across keyset batches", async () => {
    const all = await exported(HQ, f(), 4);
    expect(all.rows).toHaveLength(33);
    expect(all.batches).toBe(9);
    expect(all.keys.slice(0, 4)).toEqual(["A1@DC", "A1@ST", "A1@WH", "A2@DC"]);
    expect(new Set(all.keys).size).toBe(33);
    // The same rows and figures as the grid shows.
    const grid = await getInventoryGrid(HQ, { ...DEFAULT_QUERY }, NOW);
    expect(all.rows).toEqual(grid.rows);
  });

  it("applies the grid's filters", async () => {
    expect((await exported(HQ, f({ out: true, below: true }), 1)).keys).toEqual(["A1@ST", "A2@DC", "A2@ST"]);
    expect((await exported(HQ, f({ aged: true }))).keys).toEqual(["A1@WH", "B1@ST"]);
    expect((await exported(HQ, f({ q: "bulk0001" }), 3)).keys).toEqual(
      Array.from({ length: 10 }, (_, i) => `BULK${String(10 + i).padStart(5, "0")}@ST`),
    );
    expect((await exported(HQ, f({ q: "no such thing" }))).rows).toEqual([]);
  });

  it("gives a brand partner their brand's rows only, whatever the filters", async () => {
    const partner: DataScope = { kind: "brand", brandId: ids.brands.a.id };
    const mine = await exported(partner, f(), 2);
    expect(mine.keys).toEqual(["A1@DC", "A1@ST", "A1@WH", "A2@DC", "A2@ST", "A2@WH", "A3@WH"]);
    expect(mine.rows.every((r) => r.brandCode === "A")).toBe(true);
    expect((await exported(partner, f({ brand: "B" }))).rows).toEqual([]);
    expect((await exported(partner, f({ q: "BULK" }))).rows).toEqual([]);
  });

  it("gives a store manager their store's rows only", async () => {
    const store: DataScope = { kind: "location", locationId: ids.locations.st.id };
    const mine = await exported(store, f(), 5);
    expect(mine.rows).toHaveLength(26);
    expect(new Set(mine.rows.map((r) => r.locationCode))).toEqual(new Set(["ST"]));
    expect((await exported(store, f({ location: "WH" }))).rows).toEqual([]);
  });

  it("writes one CSV line per row with the header's columns", () => {
    const row: GridRow = {
      skuId: 1, skuCode: "A1", skuName: 'Tee, "slim"', brandCode: "A", brandName: "Alpha", category: "Shoes",
      locationId: 1, locationCode: "WH", locationName: "=cmd", locationType: "WAREHOUSE", region: "EAST",
      onHand: 130, reserved: 12, safetyStock: 5, inTransit: 0, atp: 113, status: "ok", oldestAgeDays: null,
    };
    expect(csvRow(row)).toBe('A1,"Tee, ""slim""",Alpha,Shoes,WH,\'=cmd,WAREHOUSE,EAST,130,12,5,0,113,ok,\r\n');
    expect(csvRow(row).split(",")).toHaveLength(CSV_COLUMNS.length + 1); // the quoted name holds one comma
  });
});
