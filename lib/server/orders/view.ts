import "server-only";
import type { Tx } from "../tx";

export type OrderView = {
  id: string;
  orderNo: string | null;
  channel: string;
  status: string;
  fulfilment: string;
  placedAt: Date;
  shipments: { id: string; location: string; status: string; km: number; costCents: number; lines: { sku: string; quantity: number }[] }[];
  backOrdered: { sku: string; quantity: number }[];
};

/** What order intake answers and stores for idempotent replays. */
export async function orderView(tx: Tx, id: bigint): Promise<OrderView> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id },
    include: {
      channel: { select: { code: true } },
      shipments: { orderBy: { id: "asc" }, include: { lines: { include: { sku: { select: { code: true } } } } } },
      lines: { where: { shipmentId: null, fulfillLocationId: null }, include: { sku: { select: { code: true } } } },
    },
  });
  const locations = new Map(
    (await tx.location.findMany({ where: { id: { in: order.shipments.map((s) => s.locationId) } }, select: { id: true, code: true } })).map((l) => [l.id, l.code]),
  );
  return {
    id: String(order.id),
    orderNo: order.externalRef,
    channel: order.channel.code,
    status: order.status,
    fulfilment: order.fulfilment,
    placedAt: order.placedAt,
    shipments: order.shipments.map((s) => ({
      id: String(s.id),
      location: locations.get(s.locationId) ?? String(s.locationId),
      status: s.status,
      km: s.km,
      costCents: s.costCents,
      lines: s.lines.map((l) => ({ sku: l.sku.code, quantity: l.quantity })).sort((a, b) => a.sku.localeCompare(b.sku)),
    })),
    backOrdered: order.lines.map((l) => ({ sku: l.sku.code, quantity: l.quantity })).sort((a, b) => a.sku.localeCompare(b.sku)),
  };
}
