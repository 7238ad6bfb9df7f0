import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { adjustStock, type AdjustRequest } from "./adjustments";
import { verifyLedger } from "./ledger-verify";

let ids: Awaited<ReturnType<typeof seedFixture>>;
let newStore: number;

async function freshNetwork() {
  await resetDatabase();
  ids = await seedFixture();
  // A location with no stock levels yet, so that both paths also create stock levels.
  newStore = (
    await db().location.create({
      data: {
        code: "ST2", name: "Hangzhou STORE", type: "STORE", region: "EAST", city: "Hangzhou", province: "Zhejiang",
        latitude: 30.3, longitude: 120.2, dailyCapacity: 50, shipBaseCents: 500, shipPerKmCents: 1, shipPerUnitCents: 50,
      },
    })
  ).id;
}

beforeEach(freshNetwork);

/** What the ledger and lots say, without ids, hashes and clock times (they differ between two runs). */
async function history() {
  const ledger = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT location_id, sku_id, seq, type::text, on_hand_before, on_hand_after, reserved_before, reserved_after,
           safety_before, safety_after, in_transit_before, in_transit_after, actor, reason, reference
    FROM stock_ledger ORDER BY location_id, sku_id, seq`;
  const lots = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT location_id, sku_id, received_qty, remaining, reference, expires_on::text,
           CASE WHEN received_at < now() - interval '1 hour' THEN received_at::text ELSE 'now' END AS received
    FROM stock_lot ORDER BY location_id, sku_id, received_at, received_qty`;
  const stock = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT location_id, sku_id, on_hand, reserved, ledger_seq FROM stock_level ORDER BY location_id, sku_id`;
  return { ledger, lots, stock };
}

describe("adjustStock", () => {
  it("applies receipts, adjustments and counts with their ledger entries and FIFO lots", async () => {
    const { wh, dc, st } = ids.locations;
    const { a1, a2, b1 } = ids.skus;
    const batches = (): AdjustRequest[] => [
      {
        type: "RECEIVE", actor: "hq@test.dev", reason: "PO 9 arrived", reference: "PO-9",
        lotReceivedAt: new Date("2026-11-01T00:00:00+08:00"), lotExpiresOn: "2027-06-30",
        lines: [
          { locationId: wh.id, skuId: a2.id, mode: "delta", quantity: 12 },
          { locationId: newStore, skuId: a1.id, mode: "delta", quantity: 5 },
          { locationId: dc.id, skuId: a2.id, mode: "delta", quantity: 1 },
        ],
      },
      {
        type: "ADJUST", actor: "hq@test.dev", reason: "damaged in storage",
        lines: [
          { locationId: wh.id, skuId: b1.id, mode: "delta", quantity: -30 },
          { locationId: wh.id, skuId: a2.id, mode: "delta", quantity: -55 }, // consumes the old lot and part of the new
        ],
      },
      {
        type: "COUNT", actor: "merch@test.dev", reason: "cycle count", reference: "CC-1",
        lines: [
          { locationId: st.id, skuId: b1.id, mode: "set", quantity: 9 },
          { locationId: dc.id, skuId: a1.id, mode: "set", quantity: 20 }, // unchanged: no entry
          { locationId: newStore, skuId: b1.id, mode: "set", quantity: 0 }, // new, empty: no entry
          { locationId: dc.id, skuId: b1.id, mode: "set", quantity: 100 }, // down to exactly the reserved
        ],
      },
    ];

    const results = [];
    for (const b of batches()) results.push(await adjustStock(b));
    expect(results.map((r) => (r.ok ? r.applied.map((a) => [a.onHandBefore, a.onHandAfter]) : r))).toEqual([
      [[50, 62], [0, 1], [0, 5]], // sorted by (location, SKU): WH/A2, DC/A2, new store/A1
      [[62, 7], [1000, 970]],
      [[20, 20], [500, 100], [7, 9], [0, 0]],
    ]);
    const { ledger, lots, stock } = await history();
    // 8 opening entries (DC/A2 opened empty), 3 receipts, 2 adjustments, 2 real count changes.
    expect(ledger.length).toBe(8 + 3 + 2 + 2);
    expect(ledger.filter((e) => e.type === "COUNT").map((e) => [e.on_hand_before, e.on_hand_after])).toEqual([[500, 100], [7, 9]]);
    // WH/A2: the receipt is dated 1 November, before the opening lot, so first-in-first-out takes it first.
    expect(lots.filter((l) => l.location_id === wh.id && l.sku_id === a2.id).map((l) => [l.received_qty, l.remaining])).toEqual([
      [12, 0], [50, 7],
    ]);
    expect(stock.find((r) => r.location_id === newStore && r.sku_id === b1.id)).toMatchObject({ on_hand: 0, ledger_seq: 0n });
    expect(await verifyLedger()).toMatchObject({ ok: true, problems: [] });
  });

  it("records each line's own reference and lot dates", async () => {
    const { wh, dc } = ids.locations;
    const r = await adjustStock({
      type: "RECEIVE", actor: "hq@test.dev", reason: "ASN import", reference: "DEFAULT",
      lines: [
        { locationId: wh.id, skuId: ids.skus.a1.id, mode: "delta", quantity: 4, reference: "ASN-1", lotExpiresOn: "2027-01-31" },
        { locationId: dc.id, skuId: ids.skus.a1.id, mode: "delta", quantity: 6, lotReceivedAt: new Date("2026-10-01T00:00:00Z") },
      ],
    });
    expect(r.ok).toBe(true);
    const lots = await db().stockLot.findMany({ where: { skuId: ids.skus.a1.id, reference: { not: null } }, orderBy: { locationId: "asc" } });
    expect(lots.map((l) => [l.locationId, l.reference, l.receivedQty, l.expiresOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      [wh.id, "ASN-1", 4, "2027-01-31"],
      [dc.id, "DEFAULT", 6, null],
    ]);
    expect(lots[1].receivedAt.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    const refs = await db().stockLedger.findMany({ where: { type: "RECEIVE" }, select: { reference: true }, orderBy: { reference: "asc" } });
    expect(refs.map((e) => e.reference)).toEqual(["ASN-1", "DEFAULT"]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("refuses the whole batch when one line would go below reserved, and writes nothing", async () => {
    const before = await history();
    const r = await adjustStock({
      type: "COUNT", actor: "t", reason: "count",
      lines: [
        { locationId: ids.locations.wh.id, skuId: ids.skus.b1.id, mode: "set", quantity: 900 },
        { locationId: ids.locations.st.id, skuId: ids.skus.a1.id, mode: "set", quantity: 1 }, // 3 reserved
        { locationId: newStore, skuId: ids.skus.a1.id, mode: "set", quantity: 5 },
      ],
    });
    expect(r).toEqual({
      ok: false,
      problems: [{
        line: 2, field: "quantity", value: "1", message: "would leave 1 on hand, below the 3 reserved for orders",
        onHandBefore: 3, onHandAfter: 1, reserved: 3,
      }],
    });
    expect(await history()).toEqual(before);
  });

  it("refuses two lines for one stock level", async () => {
    const line = { locationId: ids.locations.wh.id, skuId: ids.skus.a1.id, mode: "delta" as const, quantity: 1 };
    const r = await adjustStock({ type: "RECEIVE", actor: "t", reason: "r", lines: [line, { ...line, quantity: 2 }] });
    expect(r).toMatchObject({ ok: false, problems: [{ line: 2, field: "sku", message: "same location and SKU as line 1" }] });
  });
});
