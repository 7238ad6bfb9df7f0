import "server-only";
import { z } from "zod";
import { isTimeZone, zonedToUtc } from "@/lib/channels/zoned-time";
import { ChannelType, LockKind, LockScopeKind, LockUnit } from "../generated/prisma/enums";

// What the channel and lock forms may send, checked before anything reaches lib/server/channels. Every field is
// checked in one pass and each message names the field, the value and what is wrong with it (in English, like the
// API's; the console shows it under the field's translated label).

export const CHANNEL_TYPES = Object.values(ChannelType);
export const LOCK_KINDS = Object.values(LockKind);
export const SCOPE_KINDS = Object.values(LockScopeKind);
export const LOCK_UNITS = Object.values(LockUnit);

export const CHANNEL_CODE = /^[A-Z0-9_-]{2,32}$/;
export const MAX_NAME = 80;
export const MAX_MARGIN = 1_000_000;
export const MAX_LOCK_UNITS = 1_000_000;

type Ctx = z.RefinementCtx;
const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));
const issue = (ctx: Ctx, field: string, input: unknown, message: string) => ctx.addIssue({ code: "custom", path: [field], input, message });

/** A form value as text: numbers come as numbers from code and as strings from inputs. */
const text = (value: unknown) => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

function name(ctx: Ctx, field: string, value: unknown): string {
  const s = text(value);
  if (s === "") issue(ctx, field, value, `${field} is empty; give it a name`);
  else if (s.length > MAX_NAME) issue(ctx, field, value, `${field} ${show(s)} is ${s.length} characters long; at most ${MAX_NAME}`);
  return s;
}

/** One of `choices`, or null (after an issue) when the value is not one of them. */
function oneOf<T extends string>(ctx: Ctx, field: string, value: unknown, choices: readonly T[]): T | null {
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  issue(ctx, field, value, `${field} ${show(value ?? "")} must be one of ${choices.join(", ")}`);
  return null;
}

function wholeNumber(ctx: Ctx, field: string, value: unknown, { min, max }: { min: number; max: number }): number {
  const s = text(value);
  if (!/^-?\d+$/.test(s)) {
    issue(ctx, field, value, s === "" ? `${field} is empty; enter a whole number` : `${field} ${show(value)} is not a whole number`);
    return min;
  }
  const n = Number(s);
  if (n < min || n > max) issue(ctx, field, value, `${field} ${n} must be between ${min} and ${max.toLocaleString("en")}`);
  return n;
}

function id(ctx: Ctx, field: string, value: unknown): number {
  return wholeNumber(ctx, field, value, { min: 1, max: 2_147_483_647 });
}

// ---- Channels -----------------------------------------------------------------------------------------------

function channelFields(raw: Record<string, unknown>, ctx: Ctx) {
  const code = text(raw.code);
  if (!CHANNEL_CODE.test(code)) {
    issue(ctx, "code", raw.code, `code ${show(code)} must be 2–32 characters: uppercase letters A–Z, digits, - or _`);
  }
  const active = raw.active;
  if (typeof active !== "boolean") issue(ctx, "active", active, `active ${show(active ?? "")} must be true or false`);
  return {
    code,
    name: name(ctx, "name", raw.name),
    type: oneOf(ctx, "type", raw.type, CHANNEL_TYPES) ?? CHANNEL_TYPES[0],
    active: active === true,
    safetyMargin: wholeNumber(ctx, "safetyMargin", raw.safetyMargin, { min: 0, max: MAX_MARGIN }),
  };
}

/** A new channel: code, name, type, whether it sells, and its safety margin (units per SKU it never sells). */
export const channelInput = z.record(z.string(), z.unknown()).transform((raw, ctx) => channelFields(raw, ctx));
export type ChannelForm = z.infer<typeof channelInput>;

/** An edited channel: the same fields and its id. */
export const channelEdit = z.record(z.string(), z.unknown()).transform((raw, ctx) => ({ id: id(ctx, "id", raw.id), input: channelFields(raw, ctx) }));

export const keyName = z.object({
  channelId: z.number().int().positive(),
  name: z
    .string()
    .trim()
    .min(2, { error: (i) => `name ${show(i.input)} is too short; at least 2 characters` })
    .max(MAX_NAME, { error: `name is longer than ${MAX_NAME} characters` }),
});

export const keyRef = z.object({ channelId: z.number().int().positive(), keyId: z.number().int().positive() });

// ---- Locks --------------------------------------------------------------------------------------------------

/** The scope as the form names it: a SKU by its code (resolved by the action), a brand by id, a category by name. */
export type ScopeRef = { kind: "SKU"; skuCode: string } | { kind: "BRAND"; brandId: number } | { kind: "CATEGORY"; category: string } | { kind: "ALL" };

export type LockForm = {
  channelId: number;
  name: string;
  kind: LockKind;
  scope: ScopeRef;
  amount: { unit: LockUnit; value: number };
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
};

function scopeOf(ctx: Ctx, raw: Record<string, unknown>): ScopeRef {
  const kind = oneOf(ctx, "scopeKind", raw.scopeKind, SCOPE_KINDS);
  // An unknown scope kind is the one problem; its SKU, brand or category fields are not checked.
  switch (kind ?? "ALL") {
    case "SKU": {
      const skuCode = text(raw.skuCode);
      if (skuCode === "") issue(ctx, "skuCode", raw.skuCode, "skuCode is empty; enter the code of the SKU to lock");
      else if (skuCode.length > 64) issue(ctx, "skuCode", raw.skuCode, `skuCode ${show(skuCode)} is longer than 64 characters`);
      return { kind: "SKU", skuCode };
    }
    case "BRAND":
      if (text(raw.brandId) === "") {
        issue(ctx, "brandId", raw.brandId, "brandId is empty; choose a brand");
        return { kind: "BRAND", brandId: 0 };
      }
      return { kind: "BRAND", brandId: id(ctx, "brandId", raw.brandId) };
    case "CATEGORY": {
      const category = text(raw.category);
      if (category === "") issue(ctx, "category", raw.category, "category is empty; choose a category");
      return { kind: "CATEGORY", category };
    }
    case "ALL":
      return { kind: "ALL" };
  }
}

function amountOf(ctx: Ctx, unit: LockUnit, value: unknown): number {
  const s = text(value);
  if (s === "") {
    issue(ctx, "amount", value, "amount is empty; enter how many units or what percentage");
    return 0;
  }
  if (unit === "UNITS") {
    if (!/^\d+$/.test(s)) issue(ctx, "amount", value, `amount ${show(value)} must be a whole number of units, 0 or more`);
    else if (Number(s) > MAX_LOCK_UNITS) issue(ctx, "amount", value, `amount ${s} is more than ${MAX_LOCK_UNITS.toLocaleString("en")} units`);
    return Number(s);
  }
  if (!/^\d+(\.\d{1,2})?$/.test(s)) issue(ctx, "amount", value, `amount ${show(value)} must be a percentage from 0 to 100 with at most 2 decimals`);
  else if (Number(s) > 100) issue(ctx, "amount", value, `amount ${s} % is more than 100 %`);
  return Number(s);
}

function instant(ctx: Ctx, field: string, value: unknown, timeZone: string | null): Date | null {
  const local = text(value);
  if (local === "") {
    issue(ctx, field, value, `${field} is empty; enter a date and time`);
    return null;
  }
  const r = zonedToUtc(local, timeZone ?? "UTC");
  if (r.ok) return timeZone ? r.date : null;
  if (r.reason === "format") issue(ctx, field, value, `${field} ${show(local)} is not a date and time like 2026-12-01T09:00`);
  if (r.reason === "nonexistent") issue(ctx, field, value, `${field} ${local} does not exist in ${timeZone}: the clocks skip it when daylight saving time starts`);
  return null;
}

/** The lock editor's fields: channel, name, kind, scope, amount and the window [startsAt, endsAt) in `timeZone`. */
function lockFields(raw: Record<string, unknown>, ctx: Ctx): LockForm {
  const zone = text(raw.timeZone);
  const zoneOk = isTimeZone(zone);
  if (!zoneOk) issue(ctx, "timeZone", raw.timeZone, `timeZone ${show(zone)} is not an IANA time zone such as Asia/Shanghai`);
  const unit = oneOf(ctx, "unit", raw.unit, LOCK_UNITS) ?? "UNITS";
  const startsAt = instant(ctx, "startsAt", raw.startsAt, zoneOk ? zone : null);
  const endsAt = instant(ctx, "endsAt", raw.endsAt, zoneOk ? zone : null);
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    issue(ctx, "endsAt", raw.endsAt, `endsAt ${text(raw.endsAt)} must be after startsAt ${text(raw.startsAt)}`);
  }
  return {
    channelId: id(ctx, "channelId", raw.channelId),
    name: name(ctx, "name", raw.name),
    kind: oneOf(ctx, "kind", raw.kind, LOCK_KINDS) ?? "RING_FENCE",
    scope: scopeOf(ctx, raw),
    amount: { unit, value: amountOf(ctx, unit, raw.amount) },
    startsAt: startsAt ?? new Date(0),
    endsAt: endsAt ?? new Date(0),
    timeZone: zone,
  };
}

export const lockInput = z.record(z.string(), z.unknown()).transform((raw, ctx) => lockFields(raw, ctx));

/** An edit carries the lock's id and the version the editor loaded (a newer one means someone else saved). */
export const lockEdit = z.record(z.string(), z.unknown()).transform((raw, ctx) => ({
  id: id(ctx, "id", raw.id),
  version: wholeNumber(ctx, "version", raw.version, { min: 1, max: 2_147_483_647 }),
  lock: lockFields(raw, ctx),
}));

/**
 * The preview: the unsaved lock, the lock it replaces when editing, and what to show ATS for — the scope's SKU or
 * brand, or for a category or all SKUs a SKU code the person names (`previewSku`).
 */
export const lockPreview = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const lock = lockFields(raw, ctx);
  const editingId = raw.id === undefined || raw.id === null || raw.id === "" ? undefined : id(ctx, "id", raw.id);
  let previewSku: string | null = null;
  if (lock.scope.kind === "CATEGORY" || lock.scope.kind === "ALL") {
    previewSku = text(raw.previewSku);
    if (previewSku === "") issue(ctx, "previewSku", raw.previewSku, "previewSku is empty; name a SKU in scope to preview on");
  }
  return { lock, editingId, previewSku };
});

export const lockRef = z.object({ id: z.number().int().positive() });
