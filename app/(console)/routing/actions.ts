"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Candidate, RoutingDecision, RoutingOrder, Strategy } from "@/lib/routing";
import { type CandidateRow, candidateRows } from "@/lib/routing-ui/candidate-ranks";
import { formToRules, rulesForm, rulesIssueField } from "@/lib/routing-ui/rules-form";
import { type ActionResult, type FieldErrors, validatedAction } from "@/lib/server/action";
import { strategyRules } from "@/lib/server/orders/strategy-rules";
import { replay, type ReplayMetrics, simulateOrder } from "@/lib/server/routing/simulate";
import { activateDraft, assignStrategy, createStrategy, discardDraft, getStrategy, listStrategies, rulesOf, saveDraft } from "@/lib/server/routing/strategies";
import { CITIES } from "@/prisma/seed/cities";
import { routingLocations, skuIdsByCode } from "@/lib/server/routing/catalog";

// Thin: permission and input (validatedAction) → lib/server/routing → plain data for the client. Bad input comes
// back as field errors naming the field, the value and why; refusals by the rules as a message.

const FIX = "Please correct the highlighted fields.";
const fieldErrors = <R>(errors: FieldErrors): ActionResult<R> => ({ ok: false, error: FIX, fieldErrors: errors });
const id = z.number().int().positive();

function refresh(strategyId?: number) {
  revalidatePath("/routing");
  if (strategyId) revalidatePath(`/routing/${strategyId}`);
}

// ---- Strategies and channels --------------------------------------------------------------------------------

const newStrategy = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, "code must be 2–32 capital letters, digits, - or _, starting with a letter or digit"),
  name: z.string().trim().min(1, "name is required").max(80, "name is at most 80 characters"),
});

export const createStrategyAction = validatedAction("routing", newStrategy, async (input, { user }): Promise<ActionResult<{ id: number }>> => {
  const r = await createStrategy(input, user.email);
  if (!r.ok) return fieldErrors({ [r.field ?? "code"]: r.message });
  refresh();
  return { ok: true, data: r.data };
});

export const assignStrategyAction = validatedAction(
  "routing",
  z.object({ channelId: id, strategyId: id.nullable() }),
  async ({ channelId, strategyId }): Promise<ActionResult<{ channelId: number }>> => {
    const r = await assignStrategy(channelId, strategyId);
    if (!r.ok) return { ok: false, error: r.message };
    refresh(strategyId ?? undefined);
    return { ok: true, data: { channelId } };
  },
);

// ---- Drafts -------------------------------------------------------------------------------------------------

const draftInput = z.object({ strategyId: id, note: z.string().trim().max(200, "note is at most 200 characters"), rules: rulesForm });

/** The value at `path` in `value`, for messages. */
function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

export const saveDraftAction = validatedAction("routing", draftInput, async ({ strategyId, note, rules: form }, { user }): Promise<ActionResult<{ version: number }>> => {
  const locations = await routingLocations();
  const byCode = new Map(locations.map((l) => [l.code, l.id]));
  const converted = formToRules(form, (code) => byCode.get(code));
  if (!converted.ok) return fieldErrors(converted.errors);
  const parsed = strategyRules.safeParse(converted.rules);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = rulesIssueField(issue.path);
      const name = issue.path.filter((p) => typeof p === "string").at(-1) ?? "rules";
      const value = at(converted.rules, issue.path);
      const shown = value === undefined || typeof value === "object" ? "" : ` ${JSON.stringify(value)}`;
      errors[field] ??= `${String(name)}${shown}: ${issue.message}`;
    }
    return fieldErrors(errors);
  }
  const r = await saveDraft(strategyId, parsed.data, note || null, user.email);
  if (!r.ok) return { ok: false, error: r.message };
  refresh(strategyId);
  return { ok: true, data: r.data };
});

const strategyRef = z.object({ strategyId: id });

export const activateDraftAction = validatedAction("routing", strategyRef, async ({ strategyId }, { user }): Promise<ActionResult<{ version: number }>> => {
  const r = await activateDraft(strategyId, user.email);
  if (!r.ok) return { ok: false, error: r.message };
  refresh(strategyId);
  return { ok: true, data: r.data };
});

export const discardDraftAction = validatedAction("routing", strategyRef, async ({ strategyId }): Promise<ActionResult<{ discarded: boolean }>> => {
  const discarded = await discardDraft(strategyId);
  refresh(strategyId);
  return discarded ? { ok: true, data: { discarded } } : { ok: false, error: "There is no draft to discard." };
});

// ---- Simulator ----------------------------------------------------------------------------------------------

/** The draft's or the active version's rules, with what to call them. */
async function versionRules(strategyId: number, use: "draft" | "active") {
  const strategy = await getStrategy(strategyId);
  if (!strategy) return null;
  const version = strategy.versions.find((v) => v.status === (use === "draft" ? "DRAFT" : "ACTIVE"));
  return { strategy, version: version ? { id: version.id, version: version.version, rules: rulesOf(version) } : null };
}

const coordinate = (name: string, limit: number) =>
  z
    .string()
    .trim()
    .refine((v) => v !== "" && Number.isFinite(Number(v)) && Math.abs(Number(v)) <= limit, { message: `${name} must be a number from −${limit} to ${limit}` })
    .transform(Number);

const simulateInput = z.object({
  strategyId: id,
  use: z.enum(["draft", "active"]),
  destination: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("city"), city: z.string() }),
    z.object({ kind: z.literal("point"), lat: coordinate("latitude", 90), lng: coordinate("longitude", 180) }),
  ]),
  channelId: id.nullable(),
  fulfilment: z.enum(["SHIP", "PICKUP"]),
  pickupCode: z.string().trim().max(40),
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1, "enter a SKU code").max(64),
        quantity: z
          .string()
          .trim()
          .regex(/^\d{1,5}$/, "quantity must be a whole number from 1 to 99,999")
          .transform(Number)
          .refine((q) => q >= 1, "quantity must be at least 1"),
      }),
    )
    .min(1, "add at least one line")
    .max(20, "at most 20 lines"),
});

export type SimulationView = {
  rules: { use: "draft" | "active"; code: string; versionId: number; version: number; rankers: Strategy["rankers"][number]["kind"][] };
  destination: { lat: number; lng: number; province: string | null; label: string | null };
  fulfilment: "SHIP" | "PICKUP";
  decision: RoutingDecision;
  /** SKU codes of the order's lines, in line order. */
  skus: { id: number; code: string; quantity: number }[];
  skuCode: Record<number, string>;
  locations: Record<number, { code: string; name: string; type: string }>;
  limited: { sku: string; requested: number; available: number }[];
  candidates: CandidateRow[];
};

export const simulateAction = validatedAction("routing", simulateInput, async (input): Promise<ActionResult<SimulationView>> => {
  const found = await versionRules(input.strategyId, input.use);
  if (!found) return { ok: false, error: `No strategy with id ${input.strategyId}.` };
  if (!found.version) return fieldErrors({ use: `this strategy has no ${input.use} version` });
  const rules = found.version.rules;

  const errors: FieldErrors = {};
  let destination: { lat: number; lng: number; province?: string };
  let label: string | null = null;
  const where = input.destination;
  if (where.kind === "city") {
    const city = CITIES.find((c) => c.code === where.city);
    if (!city) errors.city = `city ${JSON.stringify(where.city)} is not on the list`;
    destination = city ? { lat: city.latitude, lng: city.longitude, province: city.province } : { lat: 0, lng: 0 };
    label = city?.code ?? null;
  } else destination = { lat: where.lat, lng: where.lng };

  const codes = input.lines.map((l) => l.sku.toUpperCase());
  const ids = await skuIdsByCode(codes);
  codes.forEach((code, i) => {
    if (!ids.has(code)) errors[`lines.${i}.sku`] = `sku ${JSON.stringify(input.lines[i].sku)} is not the code of any SKU`;
    else if (codes.indexOf(code) < i) errors[`lines.${i}.sku`] = `sku ${code} is already on line ${codes.indexOf(code) + 1}`;
  });
  const locations = await routingLocations();
  let pickupLocationId: number | undefined;
  if (input.fulfilment === "PICKUP" && input.pickupCode) {
    const store = locations.find((l) => l.code === input.pickupCode.toUpperCase());
    if (!store) errors.pickupCode = `pickupCode ${JSON.stringify(input.pickupCode)} is not the code of a location`;
    else if (!store.canPickup) errors.pickupCode = `${store.code} does not offer pickup`;
    else pickupLocationId = store.id;
  }
  if (Object.keys(errors).length > 0) return fieldErrors(errors);

  const lines = input.lines.map((l, i) => ({ skuId: ids.get(codes[i])!, quantity: l.quantity }));
  const result = await simulateOrder(rules, { destination, lines, fulfilment: input.fulfilment, pickupLocationId }, input.channelId ?? undefined);

  // The candidates as route() saw them: the simulator's list completed with each location's fixed facts.
  const byId = new Map(locations.map((l) => [l.id, l]));
  const candidates: Candidate[] = result.candidates.flatMap((c) => {
    const l = byId.get(c.locationId);
    if (!l) return [];
    return [{
      locationId: c.locationId, code: c.code, type: c.type, region: c.region, province: l.province, lat: c.lat, lng: c.lng,
      canShip: l.canShip, canPickup: l.canPickup, remainingCapacity: c.remainingCapacity, cost: l.cost,
      atp: new Map(Object.entries(c.atp).map(([sku, units]) => [Number(sku), units])),
    }];
  });
  const limited = new Map(result.limitedByChannel.map((l) => [l.skuId, l.available]));
  const routed: RoutingOrder = {
    destination,
    lines: lines.map((l) => ({ skuId: l.skuId, quantity: limited.get(l.skuId) ?? l.quantity })).filter((l) => l.quantity > 0),
    fulfilment: input.fulfilment,
    pickupLocationId,
  };
  const skuCode = Object.fromEntries(lines.map((l, i) => [l.skuId, codes[i]]));
  const shown = new Set([...candidates.map((c) => c.locationId), ...(result.decision.kind === "plan" ? result.decision.plan.shipments.map((s) => s.locationId) : [])]);
  return {
    ok: true,
    data: {
      rules: { use: input.use, code: found.strategy.code, versionId: found.version.id, version: found.version.version, rankers: rules.rankers.map((r) => r.kind) },
      destination: { lat: destination.lat, lng: destination.lng, province: destination.province ?? null, label },
      fulfilment: input.fulfilment,
      decision: result.decision,
      skus: lines.map((l, i) => ({ id: l.skuId, code: codes[i], quantity: l.quantity })),
      skuCode,
      locations: Object.fromEntries([...shown].flatMap((lid) => (byId.has(lid) ? [[lid, { code: byId.get(lid)!.code, name: byId.get(lid)!.name, type: byId.get(lid)!.type }]] : []))),
      limited: result.limitedByChannel.map((l) => ({ sku: skuCode[l.skuId], requested: l.requested, available: l.available })),
      candidates: candidateRows(routed, candidates, rules, result.decision),
    },
  };
});

// ---- Replay -------------------------------------------------------------------------------------------------

export type ReplayView = {
  orders: number;
  draft: ReplayMetrics & { label: { code: string; version: number } };
  active: ReplayMetrics & { label: { code: string; version: number } };
  ms: number;
};

export const replayAction = validatedAction(
  "routing",
  z.object({ strategyId: id, n: z.number().int("n must be a whole number").min(1, "n must be at least 1").max(1000, "n is at most 1,000"), channelId: id.nullable() }),
  async ({ strategyId, n, channelId }): Promise<ActionResult<ReplayView>> => {
    const strategy = await getStrategy(strategyId);
    if (!strategy) return { ok: false, error: `No strategy with id ${strategyId}.` };
    const draft = strategy.versions.find((v) => v.status === "DRAFT");
    if (!draft) return { ok: false, error: "This strategy has no draft: save one to compare it with the active rules." };
    let active: { code: string; version: (typeof strategy.versions)[number] } | null = null;
    const own = strategy.versions.find((v) => v.status === "ACTIVE");
    if (own) active = { code: strategy.code, version: own };
    else {
      // A strategy never activated is compared with what its channels would route by today: the default strategy.
      const fallback = (await listStrategies()).find((s) => s.isDefault);
      if (fallback?.active) active = { code: fallback.code, version: fallback.active };
    }
    if (!active) return { ok: false, error: "There are no active rules to compare the draft with." };
    const started = Date.now();
    const r = await replay({ draft: rulesOf(draft), active: rulesOf(active.version) }, n, channelId ?? undefined);
    return {
      ok: true,
      data: {
        orders: r.orders,
        draft: { ...r.draft, label: { code: strategy.code, version: draft.version } },
        active: { ...r.active, label: { code: active.code, version: active.version.version } },
        ms: Date.now() - started,
      },
    };
  },
);
