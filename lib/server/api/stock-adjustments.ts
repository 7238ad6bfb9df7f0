import "server-only";
import { z } from "zod";
import { AdjustmentRefused, adjustStockIn, type AdjustmentLine } from "../stock/adjustments";
import type { Tx } from "../tx";
import type { FieldError } from "./errors";

const code = z.string().trim().min(1, "required").max(64);

const whole = z.number("must be a number").int("must be a whole number").min(-1_000_000).max(1_000_000);
// Two lines for one stock level are refused (as stock intake does everywhere): which one should win is the
// sender's call, and a single before/after per line could not describe both.
const linesOf = (quantity: z.ZodType<number>) =>
  z
    .array(z.object({ location: code, sku: code, quantity }))
    .min(1, "at least one line")
    .max(1000, "at most 1,000 lines per request")
    .superRefine((lines, ctx) => {
      const first = new Map<string, number>();
      lines.forEach((l, i) => {
        const key = JSON.stringify([l.location, l.sku]);
        const seen = first.get(key);
        if (seen === undefined) first.set(key, i);
        else ctx.addIssue({ code: "custom", path: [i, "sku"], input: l.sku, message: `same location and SKU as lines[${seen}]` });
      });
    });
const common = {
  reason: z.string().trim().min(1, "a reason is required").max(500),
  reference: z.string().trim().max(200).optional(),
  receivedAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time, e.g. 2026-11-22T09:00:00+08:00" }).optional(),
  expiresOn: z.iso.date({ message: "must be a date, e.g. 2027-06-30" }).optional(),
};
const inbound = whole.positive("must be positive for a receipt or return");

// One schema per movement type, so every problem (including type-specific quantity rules) is reported at once.
export const adjustmentBody = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("RECEIVE"), ...common, lines: linesOf(inbound) }),
    z.object({ type: z.literal("RETURN"), ...common, lines: linesOf(inbound) }),
    z.object({ type: z.literal("ADJUST"), ...common, lines: linesOf(whole.refine((q) => q !== 0, "an adjustment of 0 changes nothing")) }),
    z.object({ type: z.literal("COUNT"), ...common, lines: linesOf(whole.min(0, "a counted quantity cannot be negative")) }),
  ],
  { error: "type must be one of RECEIVE, ADJUST, COUNT, RETURN" },
);
export type AdjustmentBody = z.infer<typeof adjustmentBody>;

export type AdjustmentOutcome =
  | { status: 201; body: { adjustment: { type: string; reference: string | null; lines: { location: string; sku: string; onHandBefore: number; onHandAfter: number }[] } } }
  | { status: 404 | 409; code: string; message: string; fields: FieldError[] };

/** Resolves codes and applies the adjustment inside `tx`; unknown codes and refused lines name their line. */
export async function applyAdjustment(tx: Tx, body: AdjustmentBody, actor: string): Promise<AdjustmentOutcome> {
  const locations = new Map(
    (await tx.location.findMany({ where: { code: { in: body.lines.map((l) => l.location) } }, select: { id: true, code: true } })).map((l) => [l.code, l.id]),
  );
  const skus = new Map(
    (await tx.sku.findMany({ where: { code: { in: body.lines.map((l) => l.sku) } }, select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const unknown: FieldError[] = [];
  body.lines.forEach((l, i) => {
    if (!locations.has(l.location)) unknown.push({ field: `lines[${i}].location`, value: l.location, message: "no location with this code" });
    if (!skus.has(l.sku)) unknown.push({ field: `lines[${i}].sku`, value: l.sku, message: "no SKU with this code" });
  });
  if (unknown.length > 0) return { status: 404, code: "unknown_code", message: "Some lines name a location or SKU that does not exist.", fields: unknown };

  const lines: AdjustmentLine[] = body.lines.map((l) => ({
    locationId: locations.get(l.location)!, skuId: skus.get(l.sku)!, quantity: l.quantity, mode: body.type === "COUNT" ? "set" : "delta",
  }));
  try {
    const result = await adjustStockIn(tx, {
      type: body.type, actor, reason: body.reason, reference: body.reference,
      lotReceivedAt: body.receivedAt ? new Date(body.receivedAt) : undefined, lotExpiresOn: body.expiresOn,
      lines,
    });
    return {
      status: 201,
      body: {
        adjustment: {
          type: body.type,
          reference: body.reference ?? null,
          lines: body.lines.map((l, i) => {
            const a = result.applied.find((x) => x.locationId === lines[i].locationId && x.skuId === lines[i].skuId)!;
            return { location: l.location, sku: l.sku, onHandBefore: a.onHandBefore, onHandAfter: a.onHandAfter };
          }),
        },
      },
    };
  } catch (error) {
    if (!(error instanceof AdjustmentRefused)) throw error;
    return {
      status: 409, code: "below_reserved", message: "The adjustment would leave less stock than is reserved for orders. Nothing was changed.",
      fields: error.problems.map((p) => ({ field: `lines[${p.line - 1}].quantity`, value: Number(p.value), message: p.message })),
    };
  }
}
