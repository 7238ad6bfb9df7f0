import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { chunk } from "@/lib/intake/rows";
import type { RawRow } from "@/lib/intake/schema";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { hqUser, rawRow, seedBulkNetwork, stockState } from "@/tests/support/intake";
import { db } from "../db";
import { AccessDenied } from "../permissions";
import { verifyLedger } from "../stock/ledger-verify";
import { declareMovement } from "../stock/movement";
import { adjustOne, lookupStock } from "./adjust";
import { applyImport, validateImportChunk } from "./import";
import { resolveCodes } from "./resolve";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

const NOW = new Date();

describe("validateImportChunk", () => {
  it("previews before → after and reports every bad row with row, field, value and why", async () => {
    const rows = [
      rawRow(2, "WH", "A1", 90), // 100 → 90 (10 reserved)
      rawRow(3, "ST", "A1", 1), // 3 reserved: below
      rawRow(4, "NOPE", "A1", 5),
      rawRow(5, "WH", "ZZ9", 5),
      rawRow(6, "DC", "B1", "-2"),
      rawRow(7, "DC", "A2", "1.5"),
      rawRow(8, "WH", "A1", 80), // duplicate of row 2
    ];
    const r = await validateImportChunk(hqUser, { type: "COUNT", rows }, NOW);
    expect(r.problems.map((p) => [p.row, p.field, p.value, p.code])).toEqual([
      [3, "quantity", "1", "belowReserved"],
      [4, "location_code", "NOPE", "unknownLocation"],
      [5, "sku_code", "ZZ9", "unknownSku"],
      [6, "quantity", "-2", "negative"],
      [7, "quantity", "1.5", "notInteger"],
      [8, "sku_code", "A1", "duplicate"],
    ]);
    expect(r.problems[0].vars).toEqual({ before: 3, after: 1, reserved: 3 });
    expect(r.lines.find((l) => l.row === 2)).toMatchObject({ onHandBefore: 100, onHandAfter: 90, reserved: 10, isNew: false });
  });
});

describe("applyImport", () => {
  it("writes nothing when one row is bad", async () => {
    const before = await stockState();
    const r = await applyImport(hqUser, {
      type: "RECEIVE", reason: "ASN 17", reference: "ASN-17",
      rows: [rawRow(2, "WH", "A1", 5), rawRow(3, "DC", "A1", 5), rawRow(4, "ST", "NOPE", 5), rawRow(5, "ST", "B1", 2)],
    }, NOW);
    expect(r).toEqual({ ok: false, problems: [{ row: 4, field: "sku_code", value: "NOPE", code: "unknownSku" }] });
    expect(await stockState()).toEqual(before);
  });

  it("re-checks on apply: rows the client never validated are refused too", async () => {
    const r = await applyImport(hqUser, { type: "COUNT", reason: "count", reference: null, rows: [rawRow(2, "WH", "A1", 50), rawRow(3, "WH", "A1", 60)] }, NOW);
    expect(r).toEqual({ ok: false, problems: [{ row: 3, field: "sku_code", value: "A1", code: "duplicate", vars: { first: 2, location: "WH" } }] });
    expect(await applyImport(hqUser, { type: "COUNT", reason: "  ", reference: null, rows: [rawRow(2, "WH", "A1", 5)] }, NOW)).toMatchObject({
      ok: false, problems: [{ field: "reason", code: "required" }],
    });
  });

  it("applies receipts with each row's reference and lot dates, and the form's defaults", async () => {
    const r = await applyImport(hqUser, {
      type: "RECEIVE", reason: "Inbound week 47", reference: "PO-DEFAULT",
      rows: [
        rawRow(2, "WH", "A1", 5, { reference: "PO-1", received_at: "2026-11-18", expires_on: "2027-11-18" }),
        rawRow(3, "DC", "A2", 7),
      ],
    }, NOW);
    expect(r).toMatchObject({
      ok: true,
      lines: [
        { row: 2, location: "WH", sku: "A1", onHandBefore: 100, onHandAfter: 105 },
        { row: 3, location: "DC", sku: "A2", onHandBefore: 0, onHandAfter: 7 },
      ],
      totals: { rows: 2, unitsIn: 12, unitsOut: 0, net: 12 },
    });
    const entries = await db().stockLedger.findMany({ where: { type: "RECEIVE" }, orderBy: { reference: "asc" } });
    expect(entries.map((e) => [e.reference, e.actor, e.reason])).toEqual([
      ["PO-1", "hq@test.dev", "Inbound week 47"],
      ["PO-DEFAULT", "hq@test.dev", "Inbound week 47"],
    ]);
    const lot = await db().stockLot.findFirstOrThrow({ where: { reference: "PO-1" } });
    expect([lot.receivedAt.toISOString(), lot.expiresOn?.toISOString().slice(0, 10)]).toEqual(["2026-11-17T16:00:00.000Z", "2027-11-18"]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("refuses, and writes nothing, when an order reserved the stock after the preview", async () => {
    const rows = [rawRow(2, "WH", "B1", 10), rawRow(3, "DC", "A1", 5)];
    const preview = await validateImportChunk(hqUser, { type: "COUNT", rows }, NOW);
    expect(preview.problems).toEqual([]);
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "RESERVE", actor: "order-42" });
      await tx.stockLevel.update({ where: { locationId_skuId: { locationId: ids.locations.dc.id, skuId: ids.skus.a1.id } }, data: { reserved: 8 } });
    });
    const before = await stockState();
    const r = await applyImport(hqUser, { type: "COUNT", reason: "count", reference: null, rows }, NOW);
    expect(r).toEqual({
      ok: false,
      problems: [{ row: 3, field: "quantity", value: "5", code: "belowReserved", vars: { before: 20, after: 5, reserved: 8 } }],
    });
    expect(await stockState()).toEqual(before);
  });

  it("applies 10,000 rows in one transaction, and the ledger verifies", { timeout: 180_000 }, async () => {
    const { pairs } = await seedBulkNetwork(10, 1000);
    const rows: RawRow[] = pairs.map((p, i) => rawRow(i + 2, p.location.code, p.sku.code, 25 + (i % 11)));
    expect(rows.length).toBe(10_000);
    const before = await stockState();

    // As the browser does it: 1,000-row slices for validation, then one call to apply everything.
    let started = performance.now();
    let problems = 0;
    for (const slice of chunk(rows, 1000)) problems += (await validateImportChunk(hqUser, { type: "COUNT", rows: slice }, NOW)).problems.length;
    const validateMs = performance.now() - started;
    expect(problems).toBe(0);

    started = performance.now();
    const r = await applyImport(hqUser, { type: "COUNT", reason: "year-end count", reference: "YE-2026", rows }, NOW);
    const applyMs = performance.now() - started;
    console.log(`10,000-row count import: validate ${validateMs.toFixed(0)} ms (10 × 1,000), apply ${applyMs.toFixed(0)} ms`);

    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const changed = r.lines.filter((l) => l.onHandAfter !== l.onHandBefore).length;
    expect(r.lines).toHaveLength(10_000);
    const after = await stockState();
    expect(after.ledger - before.ledger).toBe(changed);
    expect(after.levels - before.levels).toBe(5_000); // the pairs that had no stock level yet
    // One transaction: every entry the import wrote carries the same transaction id.
    const [tx] = await db().$queryRaw<{ n: bigint }[]>`SELECT COUNT(DISTINCT xmin::text) AS n FROM stock_ledger WHERE reference = 'YE-2026'`;
    expect(Number(tx.n)).toBe(1);
    const report = await verifyLedger();
    expect(report).toMatchObject({ ok: true, problems: [] });
  });

  it("writes nothing at 10,000 rows either, when the last row is refused under lock", { timeout: 180_000 }, async () => {
    const { pairs } = await seedBulkNetwork(10, 1000);
    const rows: RawRow[] = pairs.map((p, i) => rawRow(i + 2, p.location.code, p.sku.code, i === pairs.length - 1 ? 0 : 30));
    const last = pairs[pairs.length - 1];
    await db().$transaction(async (tx) => {
      await declareMovement(tx, { type: "RECEIVE", actor: "t" });
      await tx.$executeRaw`INSERT INTO stock_level (location_id, sku_id, on_hand) VALUES (${last.location.id}, ${last.sku.id}, 9)
        ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = 9`;
      await declareMovement(tx, { type: "RESERVE", actor: "t" });
      await tx.$executeRaw`UPDATE stock_level SET reserved = 4 WHERE location_id = ${last.location.id} AND sku_id = ${last.sku.id}`;
    });
    const before = await stockState();
    const r = await applyImport(hqUser, { type: "COUNT", reason: "count", reference: null, rows }, NOW);
    expect(r).toMatchObject({ ok: false, problems: [{ row: 10_001, code: "belowReserved" }] });
    expect(await stockState()).toEqual(before);
  });
});

describe("adjustOne", () => {
  const form = { type: "RECEIVE" as const, location: "WH", sku: "A2", quantity: 12, reason: "PO 4711", reference: "PO-4711", receivedAt: null, expiresOn: null };

  it("records a receipt and answers before → after", async () => {
    const r = await adjustOne(hqUser, form);
    expect(r).toEqual({
      ok: true,
      change: { type: "RECEIVE", location: { code: "WH", name: "Jiaxing WAREHOUSE" }, sku: { code: "A2", name: "Item A2" }, quantity: 12, onHandBefore: 50, onHandAfter: 62 },
    });
    const entry = await db().stockLedger.findFirstOrThrow({ where: { type: "RECEIVE" } });
    expect(entry).toMatchObject({ actor: "hq@test.dev", reason: "PO 4711", reference: "PO-4711", onHandBefore: 50, onHandAfter: 62 });
  });

  it("names unknown codes and refusals below reserved, writing nothing", async () => {
    const before = await stockState();
    expect(await adjustOne(hqUser, { ...form, location: "XX", sku: "YY" })).toEqual({
      ok: false,
      problems: [
        { row: 0, field: "location", value: "XX", code: "unknownLocation" },
        { row: 0, field: "sku", value: "YY", code: "unknownSku" },
      ],
    });
    expect(await adjustOne(hqUser, { ...form, type: "ADJUST", location: "ST", sku: "A1", quantity: -1 })).toEqual({
      ok: false,
      problems: [{ row: 0, field: "quantity", value: "-1", code: "belowReserved", vars: { before: 3, after: 2, reserved: 3 } }],
    });
    expect(await stockState()).toEqual(before);
  });

  it("looks up today's stock for the form", async () => {
    expect(await lookupStock(hqUser, { location: "DC", sku: "B1" })).toEqual({
      location: { code: "DC", name: "Langfang DC" }, sku: { code: "B1", name: "Item B1" }, onHand: 500, reserved: 100,
    });
  });
});

describe("permissions", () => {
  const partner = (): SessionUser => ({ id: 2, email: "partner-a@test.dev", name: "Partner A", role: "BRAND_PARTNER", locationId: null, brandId: ids.brands.a.id });
  const store = (): SessionUser => ({ id: 3, email: "store@test.dev", name: "Store", role: "STORE_MANAGER", locationId: ids.locations.st.id, brandId: null });
  const merch: SessionUser = { ...hqUser, email: "merch@test.dev", role: "MERCHANDISER" };

  it("refuses brand partners and store managers everything, and writes nothing", async () => {
    const before = await stockState();
    for (const user of [partner(), store()]) {
      const rows = [rawRow(2, "ST", "A1", 50)];
      await expect(validateImportChunk(user, { type: "COUNT", rows })).rejects.toThrow(AccessDenied);
      await expect(applyImport(user, { type: "COUNT", reason: "mine", reference: null, rows })).rejects.toMatchObject({ status: 403 });
      await expect(adjustOne(user, { type: "RECEIVE", location: "ST", sku: "A1", quantity: 5, reason: "r", reference: null, receivedAt: null, expiresOn: null }))
        .rejects.toThrow(/cannot record stock intake/);
      await expect(lookupStock(user, { location: "ST", sku: "A1" })).rejects.toThrow(AccessDenied);
    }
    expect(await stockState()).toEqual(before);
  });

  it("resolves codes within a narrower scope only (defence in depth below the role check)", async () => {
    const brand = await resolveCodes(db(), { kind: "brand", brandId: ids.brands.a.id }, ["WH", "DC"], ["A1", "B1"]);
    expect([...brand.locations.keys()].sort()).toEqual(["DC", "WH"]);
    expect([...brand.skus.keys()]).toEqual(["A1"]);
    const store = await resolveCodes(db(), { kind: "location", locationId: ids.locations.st.id }, ["WH", "ST"], ["A1"]);
    expect([...store.locations.keys()]).toEqual(["ST"]);
  });

  it("lets merchandisers in", async () => {
    expect((await applyImport(merch, { type: "RECEIVE", reason: "r", reference: null, rows: [rawRow(2, "WH", "A1", 1)] }, NOW)).ok).toBe(true);
    expect((await db().stockLedger.findFirstOrThrow({ where: { type: "RECEIVE" } })).actor).toBe("merch@test.dev");
  });
});
