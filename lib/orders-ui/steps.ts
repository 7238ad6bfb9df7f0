// What a viewer may do to an order and its shipments, and how an order's fulfilment relates to the store credited
// with the sale. Pure: the order page and the store's inbox show these buttons; lib/server/orders/operations.ts
// enforces the scope again on the server.

export type Viewer = { kind: "network" } | { kind: "brand"; brandId: number } | { kind: "location"; locationId: number };
export type ShipmentStep = "ship" | "reject" | "ready" | "pickedUp";
export type ShipmentState = { locationId: number; status: string };

/**
 * HQ ships what a warehouse, DC or store has reserved (the carrier collected it). The store that holds a
 * shipment ships it, or prepares and hands over a pickup, or rejects its part (re-routed elsewhere; a pickup is
 * cancelled). Nobody acts on another store's shipment, nor on one that is finished.
 */
export function shipmentSteps(viewer: Viewer, fulfilment: string, s: ShipmentState): ShipmentStep[] {
  const pickup = fulfilment === "PICKUP";
  if (viewer.kind === "network") return !pickup && s.status === "RESERVED" ? ["ship"] : [];
  if (viewer.kind !== "location" || viewer.locationId !== s.locationId) return [];
  if (s.status === "RESERVED") return pickup ? ["ready", "reject"] : ["ship", "reject"];
  if (s.status === "READY" && pickup) return ["pickedUp", "reject"];
  return [];
}

const FINISHED = ["SHIPPED", "PICKED_UP", "DELIVERED", "CANCELLED"];

/**
 * HQ cancels an order routed by order intake while nothing has left yet: its reservations are released and the
 * channel's lock consumption is given back. History from before intake (no shipments, no back-order) is left alone.
 */
export function canCancel(viewer: Viewer, order: { status: string; shipments: { status: string }[]; backOrderedUnits: number }): boolean {
  if (viewer.kind !== "network" || FINISHED.includes(order.status)) return false;
  if (order.shipments.some((s) => s.status === "SHIPPED" || s.status === "PICKED_UP")) return false;
  return order.shipments.some((s) => s.status === "RESERVED" || s.status === "READY") || order.backOrderedUnits > 0;
}

/** The step a store's inbox asks for next on one of its shipments. */
export function nextStep(fulfilment: string, status: string): "toShip" | "toPrepare" | "toHandOver" | null {
  if (status === "RESERVED") return fulfilment === "PICKUP" ? "toPrepare" : "toShip";
  if (status === "READY" && fulfilment === "PICKUP") return "toHandOver";
  return null;
}

/**
 * Cross-store fulfilment: a selling store (or live-stream host) is credited with the sale, and some location
 * other than it fulfils (part of) the order. Without a selling store there is nothing to attribute.
 */
export function isCrossStore(sellingCode: string | null, fulfilling: readonly string[]): boolean {
  return sellingCode !== null && fulfilling.some((code) => code !== sellingCode);
}

/** Badge colours per order / shipment status. */
export function statusTone(status: string): "neutral" | "progress" | "warning" | "done" | "stopped" {
  switch (status) {
    case "PLACED":
    case "RESERVED":
      return "progress";
    case "BACKORDERED":
    case "READY":
      return "warning";
    case "SHIPPED":
    case "PICKED_UP":
    case "DELIVERED":
      return "done";
    case "CANCELLED":
    case "REJECTED":
      return "stopped";
    default:
      return "neutral";
  }
}

/** The message key of a refused step's code (lib/server/orders/operations.ts), or null for other text. */
export function stepErrorKey(code: string): "orders.actions.error.not_found" | "orders.actions.error.wrong_state" | null {
  return code === "not_found" ? "orders.actions.error.not_found" : code === "wrong_state" ? "orders.actions.error.wrong_state" : null;
}
