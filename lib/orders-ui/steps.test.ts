import { describe, expect, it } from "vitest";
import { canCancel, isCrossStore, nextStep, shipmentSteps, statusTone, stepErrorKey, type Viewer } from "./steps";

const HQ: Viewer = { kind: "network" };
const store = (locationId: number): Viewer => ({ kind: "location", locationId });

describe("shipmentSteps", () => {
  it("lets HQ ship what is reserved for delivery, nothing else", () => {
    expect(shipmentSteps(HQ, "SHIP", { locationId: 1, status: "RESERVED" })).toEqual(["ship"]);
    expect(shipmentSteps(HQ, "SHIP", { locationId: 1, status: "SHIPPED" })).toEqual([]);
    expect(shipmentSteps(HQ, "PICKUP", { locationId: 6, status: "RESERVED" })).toEqual([]);
  });

  it("lets a store act on its own shipment only", () => {
    expect(shipmentSteps(store(6), "SHIP", { locationId: 6, status: "RESERVED" })).toEqual(["ship", "reject"]);
    expect(shipmentSteps(store(7), "SHIP", { locationId: 6, status: "RESERVED" })).toEqual([]);
    expect(shipmentSteps(store(6), "SHIP", { locationId: 6, status: "REJECTED" })).toEqual([]);
  });

  it("walks a pickup through ready and picked up", () => {
    expect(shipmentSteps(store(6), "PICKUP", { locationId: 6, status: "RESERVED" })).toEqual(["ready", "reject"]);
    expect(shipmentSteps(store(6), "PICKUP", { locationId: 6, status: "READY" })).toEqual(["pickedUp", "reject"]);
    expect(shipmentSteps(store(6), "PICKUP", { locationId: 6, status: "PICKED_UP" })).toEqual([]);
  });

  it("gives a brand partner nothing", () => {
    expect(shipmentSteps({ kind: "brand", brandId: 1 }, "SHIP", { locationId: 1, status: "RESERVED" })).toEqual([]);
  });
});

describe("canCancel", () => {
  const open = { status: "RESERVED", shipments: [{ status: "RESERVED" }], backOrderedUnits: 0 };
  it("is HQ's, while nothing has left", () => {
    expect(canCancel(HQ, open)).toBe(true);
    expect(canCancel(store(6), open)).toBe(false);
    expect(canCancel(HQ, { ...open, shipments: [{ status: "RESERVED" }, { status: "SHIPPED" }] })).toBe(false);
    expect(canCancel(HQ, { ...open, status: "CANCELLED" })).toBe(false);
  });
  it("covers a back-order with nothing reserved, not history from before intake", () => {
    expect(canCancel(HQ, { status: "BACKORDERED", shipments: [{ status: "REJECTED" }], backOrderedUnits: 3 })).toBe(true);
    expect(canCancel(HQ, { status: "RESERVED", shipments: [], backOrderedUnits: 0 })).toBe(false);
  });
});

describe("nextStep", () => {
  it("names what a store does next", () => {
    expect(nextStep("SHIP", "RESERVED")).toBe("toShip");
    expect(nextStep("PICKUP", "RESERVED")).toBe("toPrepare");
    expect(nextStep("PICKUP", "READY")).toBe("toHandOver");
    expect(nextStep("SHIP", "SHIPPED")).toBeNull();
  });
});

describe("isCrossStore", () => {
  it("is true when a location other than the selling store fulfils", () => {
    expect(isCrossStore("ST-SHA-001", ["ST-SHA-001"])).toBe(false);
    expect(isCrossStore("ST-SHA-001", ["DC-EAST"])).toBe(true);
    expect(isCrossStore("ST-SHA-001", ["ST-SHA-001", "WH-01"])).toBe(true);
    expect(isCrossStore(null, ["DC-EAST"])).toBe(false);
    expect(isCrossStore("ST-SHA-001", [])).toBe(false);
  });
});

describe("statusTone", () => {
  it("colours by where the order stands", () => {
    expect(["RESERVED", "BACKORDERED", "PICKED_UP", "REJECTED", "?"].map(statusTone)).toEqual(["progress", "warning", "done", "stopped", "neutral"]);
  });
});

describe("stepErrorKey", () => {
  it("translates the operations' refusal codes only", () => {
    expect(stepErrorKey("wrong_state")).toBe("orders.actions.error.wrong_state");
    expect(stepErrorKey("not_found")).toBe("orders.actions.error.not_found");
    expect(stepErrorKey("Sign in first.")).toBeNull();
  });
});
