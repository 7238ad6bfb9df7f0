import { describe, expect, it } from "vitest";
import { formField, newOrderNo, type OrderFormValues, refusalProblems, toOrderRequest } from "./order-form";

const values = (over: Partial<OrderFormValues> = {}): OrderFormValues => ({
  channelId: "1", orderNo: "CON-1", city: "Shanghai", province: "Shanghai", lat: "31.2304", lng: "121.4737",
  fulfilment: "SHIP", pickupStore: "", sellingStore: "", allowBackorder: false,
  lines: [{ sku: "A1", quantity: "2" }, { sku: "", quantity: "" }, { sku: "B1", quantity: "1" }], ...over,
});

describe("newOrderNo", () => {
  it("has the day and six unambiguous characters", () => {
    expect(newOrderNo("2026-11-30", () => 0)).toBe("CON-20261130-AAAAAA");
    expect(newOrderNo("2026-11-30")).toMatch(/^CON-20261130-[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe("toOrderRequest", () => {
  it("builds intake's order, skipping empty rows and remembering each line's row", () => {
    const r = toOrderRequest(values({ sellingStore: " ST-SHA-001 " }));
    expect(r).toEqual({
      ok: true,
      lines: [0, 2],
      request: {
        orderNo: "CON-1", destination: { city: "Shanghai", province: "Shanghai", lat: 31.2304, lng: 121.4737 }, fulfilment: "SHIP",
        sellingStore: "ST-SHA-001", allowBackorder: false, lines: [{ sku: "A1", quantity: 2 }, { sku: "B1", quantity: 1 }],
      },
    });
  });

  it("sends the pickup store only for a pickup", () => {
    const ship = toOrderRequest(values({ pickupStore: "ST-SHA-001" }));
    expect(ship.ok && "pickupStore" in ship.request).toBe(false);
    const pickup = toOrderRequest(values({ fulfilment: "PICKUP", pickupStore: "ST-SHA-001" }));
    expect(pickup.ok && pickup.request.pickupStore).toBe("ST-SHA-001");
    expect(toOrderRequest(values({ fulfilment: "PICKUP" }))).toEqual({ ok: false, problems: { pickupStore: { key: "orders.form.error.pickStore" } } });
  });

  it("names each bad field", () => {
    const r = toOrderRequest(values({ lat: "91", lng: "east", lines: [{ sku: "A1", quantity: "0" }, { sku: "A1", quantity: "1.5" }, { sku: "", quantity: "3" }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      lat: { key: "orders.form.error.between", vars: { min: -90, max: 90 } },
      lng: { key: "orders.form.error.between", vars: { min: -180, max: 180 } },
      "lines.0.quantity": { key: "orders.form.error.quantity", vars: { max: "10,000" } },
      "lines.1.sku": { key: "orders.form.error.sameSku", vars: { line: 1 } },
      "lines.1.quantity": { key: "orders.form.error.quantity", vars: { max: "10,000" } },
      "lines.2.sku": { key: "orders.form.error.required" },
    });
    expect(toOrderRequest(values({ lines: [{ sku: "", quantity: "" }] }))).toEqual({ ok: false, problems: { "lines.0.sku": { key: "orders.form.error.noLines" } } });
  });
});

describe("refusalProblems", () => {
  const built = toOrderRequest(values());
  if (!built.ok) throw new Error("fixture");
  const { request, lines } = built;

  it("puts out-of-stock numbers on the line's quantity, on the right form row", () => {
    const p = refusalProblems(
      { code: "out_of_stock", message: "Not enough", fields: [{ field: "sku:B1", value: 1, message: "0 available of 1 requested" }] },
      request, lines,
    );
    expect(p).toEqual({ "lines.2.quantity": { key: "orders.form.error.short", vars: { available: 0, requested: 1 } } });
  });

  it("translates unknown codes and non-pickup stores; keeps other text", () => {
    const p = refusalProblems(
      {
        code: "unknown_code", message: "Some codes",
        fields: [{ field: "lines[1].sku", value: "B1", message: "no SKU with this code" }, { field: "sellingStore", value: "ST-X", message: "no location with this code" }],
      },
      request, lines,
    );
    expect(p).toEqual({
      "lines.2.sku": { key: "orders.form.error.unknownSku", vars: { code: "B1" } },
      sellingStore: { key: "orders.form.error.unknownStore", vars: { code: "ST-X" } },
    });
    expect(refusalProblems({ code: "invalid_body", message: "x", fields: [{ field: "pickupStore", value: "WH-01", message: "not a pickup location" }] }, request, lines))
      .toEqual({ pickupStore: { key: "orders.form.error.notPickup", vars: { code: "WH-01" } } });
    expect(refusalProblems({ code: "out_of_stock", message: "x", fields: [{ field: "sku:A1", message: "something new" }] }, request, lines))
      .toEqual({ "lines.0.quantity": { text: "something new" } });
  });

  it("puts a duplicate order number on its field, with or without fields", () => {
    expect(refusalProblems({ code: "duplicate_order", message: "x" }, request, lines)).toEqual({ orderNo: { key: "orders.form.error.duplicate" } });
    expect(refusalProblems({ code: "duplicate_order", message: "x", fields: [{ field: "orderNo", message: "already used" }] }, request, lines))
      .toEqual({ orderNo: { key: "orders.form.error.duplicate" } });
  });
});

describe("formField", () => {
  it("maps the server's paths to the form's fields", () => {
    expect(formField("order.lines.1.quantity", [0, 2])).toBe("lines.2.quantity");
    expect(formField("order.destination.lat")).toBe("lat");
    expect(formField("order.destination.province")).toBe("city");
    expect(formField("channelId")).toBe("channel");
    expect(formField("order.orderNo")).toBe("orderNo");
  });
});
