import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { Problem } from "@/lib/intake/problems";
import type { AdjustResponse, StockLookup } from "@/lib/intake/results";
import { modeOf, targetOnHand, type AdjustForm } from "@/lib/intake/schema";
import { db } from "../db";
import { adjustStock } from "../stock/adjustments";
import { assertIntakeAllowed } from "./permissions";
import { readStock, resolveCodes } from "./resolve";

export type AdjustOutcome = AdjustResponse;

const FORM_FIELDS = { location: "location", sku: "sku" };

/** One receipt, adjustment, count or return from the HQ form, through adjustStock (all-or-nothing, ledgered). */
export async function adjustOne(user: SessionUser, form: AdjustForm): Promise<AdjustOutcome> {
  const scope = assertIntakeAllowed(user);
  const { locations, skus } = await resolveCodes(db(), scope, [form.location], [form.sku]);
  const location = locations.get(form.location);
  const sku = skus.get(form.sku);
  const problems: Problem[] = [];
  if (!location) problems.push({ row: 0, field: FORM_FIELDS.location, value: form.location, code: "unknownLocation" });
  if (!sku) problems.push({ row: 0, field: FORM_FIELDS.sku, value: form.sku, code: "unknownSku" });
  if (!location || !sku) return { ok: false, problems };

  const result = await adjustStock({
    type: form.type,
    actor: user.email,
    reason: form.reason,
    reference: form.reference ?? undefined,
    lotReceivedAt: form.receivedAt ?? undefined,
    lotExpiresOn: form.expiresOn ?? undefined,
    lines: [{ locationId: location.id, skuId: sku.id, mode: modeOf(form.type), quantity: form.quantity }],
  });
  if (!result.ok) {
    // Refused under lock; read the numbers again to explain why in the reader's language.
    const now = (await readStock(db(), [{ locationId: location.id, skuId: sku.id }])).get(`${location.id}:${sku.id}`);
    const before = now?.onHand ?? 0;
    return {
      ok: false,
      problems: [{
        row: 0, field: "quantity", value: String(form.quantity), code: "belowReserved",
        vars: { before, after: targetOnHand(form.type, before, form.quantity), reserved: now?.reserved ?? 0 },
      }],
    };
  }
  const [applied] = result.applied;
  return {
    ok: true,
    change: {
      type: form.type,
      location: { code: location.code, name: location.name },
      sku: { code: sku.code, name: sku.name },
      quantity: form.quantity,
      onHandBefore: applied.onHandBefore,
      onHandAfter: applied.onHandAfter,
    },
  };
}

/** What the form shows while typing: the names behind the codes and today's on hand and reserved. */
export async function lookupStock(user: SessionUser, codes: { location: string; sku: string }): Promise<StockLookup> {
  const scope = assertIntakeAllowed(user);
  const { locations, skus } = await resolveCodes(db(), scope, [codes.location], [codes.sku]);
  const location = locations.get(codes.location) ?? null;
  const sku = skus.get(codes.sku) ?? null;
  let stock: { onHand: number; reserved: number } | undefined;
  if (location && sku) stock = (await readStock(db(), [{ locationId: location.id, skuId: sku.id }])).get(`${location.id}:${sku.id}`);
  return {
    location: location && { code: location.code, name: location.name },
    sku: sku && { code: sku.code, name: sku.name },
    onHand: stock?.onHand ?? 0,
    reserved: stock?.reserved ?? 0,
  };
}

/** Location codes and names for the form's suggestions (a few hundred at most). */
export async function intakeLocations(user: SessionUser): Promise<{ code: string; name: string }[]> {
  const scope = assertIntakeAllowed(user);
  return db().location.findMany({
    where: scope.kind === "location" ? { id: scope.locationId } : {},
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}
