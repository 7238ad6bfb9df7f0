"use server";
import { revalidatePath } from "next/cache";
import type { LockScope } from "@/lib/allocation";
import type { ConflictView as ConflictRow } from "@/lib/server/channels/locks";
import type { LockPreviewView, LockRefusalView, LockSaveView } from "@/lib/channels/views";
import { type ActionResult, validatedAction } from "@/lib/server/action";
import { brandById, skuByCode } from "@/lib/server/catalog";
import { createChannel, createChannelKey, listChannels, revokeChannelKey, rotateChannelKey, updateChannel } from "@/lib/server/channels/channels";
import { channelEdit, channelInput, keyName, keyRef, lockEdit, lockInput, lockPreview, lockRef, type LockForm } from "@/lib/server/channels/input";
import { cancelLock, createLock, type LockInput, type LockOutcome, previewLock, updateLock } from "@/lib/server/channels/locks";

// Thin: permission and input (validatedAction) → lib/server/channels → plain data for the client. Refusals by the
// rules (conflicts, stale versions) come back as data; bad input as field errors naming field, value and rule.

const fieldError = <R>(field: string, message: string): ActionResult<R> => ({
  ok: false,
  error: "Please correct the highlighted fields.",
  fieldErrors: { [field]: message },
});

type NewKey = { key: string; prefix: string };

function refreshChannels(...paths: string[]) {
  revalidatePath("/channels");
  for (const p of paths) revalidatePath(p);
}

// ---- Channels and their keys --------------------------------------------------------------------------------

export const createChannelAction = validatedAction("channels", channelInput, async (input): Promise<ActionResult<{ id: number }>> => {
  const r = await createChannel(input);
  if (!r.ok) return fieldError(r.field, r.message);
  refreshChannels();
  return { ok: true, data: { id: r.id } };
});

export const updateChannelAction = validatedAction("channels", channelEdit, async ({ id, input }): Promise<ActionResult<{ id: number }>> => {
  const r = await updateChannel(id, input);
  if (!r.ok) return fieldError(r.field, r.message);
  refreshChannels(`/channels/${id}`);
  return { ok: true, data: { id } };
});

export const createKeyAction = validatedAction("channels", keyName, async ({ channelId, name }, { user }): Promise<ActionResult<NewKey>> => {
  const created = await createChannelKey(channelId, name, user.email);
  if (!created) return { ok: false, error: `No channel with id ${channelId}.` };
  refreshChannels(`/channels/${channelId}`);
  return { ok: true, data: { key: created.key, prefix: created.info.prefix } };
});

export const rotateKeyAction = validatedAction("channels", keyRef, async ({ channelId, keyId }, { user }): Promise<ActionResult<NewKey>> => {
  const created = await rotateChannelKey(channelId, keyId, user.email);
  if (!created) return { ok: false, error: `Key ${keyId} of channel ${channelId} does not exist or is revoked.` };
  refreshChannels(`/channels/${channelId}`);
  return { ok: true, data: { key: created.key, prefix: created.info.prefix } };
});

export const revokeKeyAction = validatedAction("channels", keyRef, async ({ channelId, keyId }): Promise<ActionResult<{ keyId: number }>> => {
  const revoked = await revokeChannelKey(channelId, keyId);
  refreshChannels(`/channels/${channelId}`);
  return revoked ? { ok: true, data: { keyId } } : { ok: false, error: `Key ${keyId} of channel ${channelId} does not exist or is already revoked.` };
});

// ---- Locks --------------------------------------------------------------------------------------------------

/** The form's scope with the SKU code looked up; a field error when the code is unknown. */
async function resolveLock(form: LockForm): Promise<{ input: LockInput } | { field: string; message: string }> {
  let scope: LockScope;
  if (form.scope.kind === "SKU") {
    const sku = await skuByCode(form.scope.skuCode);
    if (!sku) return { field: "skuCode", message: `skuCode ${JSON.stringify(form.scope.skuCode)} is not the code of any SKU` };
    scope = { kind: "SKU", skuId: sku.id };
  } else scope = form.scope;
  return { input: { ...form, scope } };
}

/** The data layer names the scope as one field; the form has one per scope kind. */
const SCOPE_FIELD = { SKU: "skuCode", BRAND: "brandId", CATEGORY: "category", ALL: "scopeKind" } as const;

function conflictView(c: ConflictRow) {
  return { sku: c.sku, poolAtp: c.poolAtp, fenced: c.fenced, from: c.from.toISOString(), locks: c.locks };
}

function saveResult(outcome: LockOutcome, form: LockForm): ActionResult<LockSaveView> {
  if (outcome.ok) return { ok: true, data: { saved: true, id: outcome.lock.id } };
  const r = outcome.refusal;
  if (r.reason === "invalid") return fieldError(r.field === "scope" ? SCOPE_FIELD[form.scope.kind] : r.field, r.message);
  const refusal: LockRefusalView = r.reason === "conflict" ? { reason: "conflict", conflicts: r.conflicts.map(conflictView), more: r.more } : { reason: r.reason };
  return { ok: true, data: { saved: false, ...refusal } };
}

export const createLockAction = validatedAction("channels", lockInput, async (form, { user }): Promise<ActionResult<LockSaveView>> => {
  const resolved = await resolveLock(form);
  if ("field" in resolved) return fieldError(resolved.field, resolved.message);
  const outcome = await createLock(resolved.input, user.email);
  if (outcome.ok) refreshChannels(`/channels/locks/${outcome.lock.id}`);
  return saveResult(outcome, form);
});

export const updateLockAction = validatedAction("channels", lockEdit, async ({ id, version, lock }, { user }): Promise<ActionResult<LockSaveView>> => {
  const resolved = await resolveLock(lock);
  if ("field" in resolved) return fieldError(resolved.field, resolved.message);
  const outcome = await updateLock(id, version, resolved.input, user.email);
  if (outcome.ok) refreshChannels(`/channels/locks/${id}`);
  return saveResult(outcome, lock);
});

export const cancelLockAction = validatedAction("channels", lockRef, async ({ id }, { user }): Promise<ActionResult<LockSaveView>> => {
  const outcome = await cancelLock(id, user.email);
  if (outcome.ok) refreshChannels(`/channels/locks/${id}`);
  if (outcome.ok) return { ok: true, data: { saved: true, id } };
  const r = outcome.refusal;
  return { ok: true, data: { saved: false, reason: r.reason === "stale" || r.reason === "not_found" ? r.reason : "not_editable" } };
});

/** Each active channel's ATS before and after the unsaved lock, over the scope's SKU or brand (or a named SKU). */
export const previewLockAction = validatedAction("channels", lockPreview, async ({ lock, editingId, previewSku }): Promise<ActionResult<LockPreviewView>> => {
  const resolved = await resolveLock(lock);
  if ("field" in resolved) return fieldError(resolved.field, resolved.message);
  const { input } = resolved;

  let selection: { skuId: number } | { brandId: number };
  let shown: LockPreviewView["selection"];
  if (input.scope.kind === "SKU") {
    selection = { skuId: input.scope.skuId };
    shown = { kind: "SKU", code: lock.scope.kind === "SKU" ? lock.scope.skuCode : "" };
  } else if (input.scope.kind === "BRAND") {
    const brand = await brandById(input.scope.brandId);
    if (!brand) return fieldError("brandId", `brandId ${input.scope.brandId} is not a brand`);
    selection = { brandId: brand.id };
    shown = { kind: "BRAND", name: brand.name };
  } else {
    const sku = await skuByCode(previewSku ?? "");
    if (!sku) return fieldError("previewSku", `previewSku ${JSON.stringify(previewSku)} is not the code of any SKU`);
    if (input.scope.kind === "CATEGORY" && sku.category !== input.scope.category) {
      return fieldError("previewSku", `previewSku ${sku.code} is in category "${sku.category}", not "${input.scope.category}"`);
    }
    selection = { skuId: sku.id };
    shown = { kind: "SKU", code: sku.code };
  }

  const [preview, channels] = await Promise.all([previewLock(input, selection, editingId), listChannels()]);
  const rows = channels
    .filter((c) => preview.before.has(c.id))
    .map((c) => ({ channelId: c.id, code: c.code, name: c.name, before: preview.before.get(c.id) ?? 0, after: preview.after.get(c.id) ?? 0 }));
  return { ok: true, data: { at: preview.at.toISOString(), poolAtp: preview.poolAtp, skus: preview.skus, selection: shown, rows } };
});
