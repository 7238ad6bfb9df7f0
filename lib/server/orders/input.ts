import { z } from "zod";

// An order as a channel sends it (POST /api/v1/orders) and as the console places it: codes, not ids.
const code = z.string().trim().min(1, "required").max(64, "at most 64 characters");

export const orderLineInput = z.object({
  sku: code,
  quantity: z.number("must be a number").int("must be a whole number").min(1, "at least 1").max(10_000, "at most 10,000"),
  unitPriceCents: z.number().int("must be whole cents").min(0).max(100_000_000).optional(),
});

export const orderInput = z
  .object({
    orderNo: code,
    destination: z.object({
      city: z.string().trim().min(1, "required").max(80),
      province: z.string().trim().min(1, "required").max(80),
      lat: z.number("must be a number").min(-90, "between -90 and 90").max(90, "between -90 and 90"),
      lng: z.number("must be a number").min(-180, "between -180 and 180").max(180, "between -180 and 180"),
    }),
    fulfilment: z.enum(["SHIP", "PICKUP"], "must be SHIP or PICKUP").default("SHIP"),
    /** PICKUP: the store the customer chose (GET /api/v1/pickup-options offers the nearest with stock). */
    pickupStore: code.optional(),
    /** The store or live-stream host credited with the sale when another location fulfils it. */
    sellingStore: code.optional(),
    /** false (default): an order that cannot be filled whole is refused; true: the rest is back-ordered. */
    allowBackorder: z.boolean().default(false),
    lines: z.array(orderLineInput).min(1, "at least one line").max(100, "at most 100 lines"),
  })
  .superRefine((o, ctx) => {
    if (o.fulfilment === "PICKUP" && !o.pickupStore) {
      ctx.addIssue({ code: "custom", path: ["pickupStore"], message: "a pickup order needs the store the customer chose" });
    }
    if (o.fulfilment === "SHIP" && o.pickupStore) {
      ctx.addIssue({ code: "custom", path: ["pickupStore"], input: o.pickupStore, message: "only for fulfilment PICKUP" });
    }
    const first = new Map<string, number>();
    o.lines.forEach((l, i) => {
      const seen = first.get(l.sku);
      if (seen === undefined) first.set(l.sku, i);
      else ctx.addIssue({ code: "custom", path: ["lines", i, "sku"], input: l.sku, message: `same SKU as lines[${seen}]; send one line per SKU` });
    });
  });

export type OrderInput = z.infer<typeof orderInput>;
