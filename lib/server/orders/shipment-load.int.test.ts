import { describe, expect, it } from "vitest";
import { orderFixture } from "@/tests/support/orders";
import { db } from "../db";
import { foldShipmentLoad } from "../rollups";
import { BUSINESS_TIME_ZONE, candidatesFor } from "./candidates";
import { cancelOrder, rejectShipment } from "./operations";

// The daily-capacity filter reads today's shipments per location from counts kept by triggers on order_shipment
// (migration 20261130072415_shipment_load). Fixture: WH, DC and a store at one point; B1 is held by all three and
// every rule ties, so the location code decides (DC first) until DC's capacity is used up.
const { state, place } = orderFixture("L");
const HQ = { kind: "network" } as const;

/** Today's shipments per location code, as the capacity filter sees them. */
async function loadSeen(): Promise<Record<string, number>> {
  const candidates = await candidatesFor([state.ids.skus.b1.id], { always: [state.ids.locations.st.id] });
  const capacity = new Map((await db().location.findMany()).map((l) => [l.id, l.dailyCapacity]));
  return Object.fromEntries(candidates.map((c) => [c.code, capacity.get(c.locationId)! - c.remainingCapacity]));
}

/** The same, counted from the shipments themselves. */
async function loadCounted(): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ code: string; n: number }[]>`
    SELECT l.code, COUNT(os.id) FILTER (WHERE os.status NOT IN ('REJECTED', 'CANCELLED') AND os.created_at >= date_trunc('day', now() AT TIME ZONE ${BUSINESS_TIME_ZONE}) AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS n
    FROM location l LEFT JOIN order_shipment os ON os.location_id = l.id GROUP BY l.code`;
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

describe("daily capacity", () => {
  it("sends orders elsewhere once a location's shipments for the day reach its capacity, and counts cancellations back", async () => {
    await db().location.update({ where: { id: state.ids.locations.dc.id }, data: { dailyCapacity: 2 } });
    const first = await place();
    await place();
    const third = await place();
    expect([first, third].map((o) => o.shipments[0].location)).toEqual(["DC", "ST"]);
    expect(await loadSeen()).toMatchObject({ DC: 2, ST: 1 });

    await cancelOrder(BigInt(first.id), "customer changed their mind", "t", HQ);
    expect((await place()).shipments[0].location).toBe("DC");
    expect(await loadSeen()).toMatchObject({ DC: 2, ST: 1 });
  });

  it("keeps the counts equal to the shipments through rejections, cancellations, deletions, older days and folds", async () => {
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await place({ lines: [{ sku: "B1", quantity: 2 }, { sku: "A1", quantity: 1 }] }));
    await rejectShipment(BigInt(orders[0].shipments[0].id), "damaged", "t", HQ);
    await cancelOrder(BigInt(orders[1].id), "customer changed their mind", "t", HQ);
    // A shipment of an earlier day leaves today's count; an order deleted (an admin clean-up) takes its shipments.
    await db().$executeRaw`UPDATE order_shipment SET created_at = now() - interval '3 days' WHERE order_id = ${BigInt(orders[2].id)}`;
    await db().order.delete({ where: { id: BigInt(orders[3].id) } });
    expect(await db().shipmentLoadPending.count()).toBeGreaterThan(0);
    const counted = await loadCounted();
    expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await loadSeen()).toEqual(counted);

    expect(await foldShipmentLoad()).toBe(true);
    expect(await db().shipmentLoadPending.count()).toBe(0);
    expect(await loadSeen()).toEqual(counted);
    // Quarter hours older than two days are dropped by the fold.
    expect(await db().shipmentLoad.count({ where: { bucket: { lt: new Date(Date.now() - 2 * 86_400_000) } } })).toBe(0);

    await place();
    expect(await loadSeen()).toEqual(await loadCounted());
  });

  it("empties with the shipments", async () => {
    await place();
    await foldShipmentLoad();
    await place();
    await db().$executeRawUnsafe("TRUNCATE order_shipment CASCADE");
    expect([await db().shipmentLoad.count(), await db().shipmentLoadPending.count()]).toEqual([0, 0]);
  });
});
