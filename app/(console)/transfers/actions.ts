"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, validatedAction } from "@/lib/server/action";
import { resolveManual } from "@/lib/server/transfers/queries";
import { generateSuggestions } from "@/lib/server/transfers/suggest";
import {
  approveTransfer, cancelTransfer, closeTransfer, forceTransfer, proposeTransfers, receiveTransfer, rejectTransfer, shipTransfer, type StepResult,
} from "@/lib/server/transfers/workflow";
import { setProgress } from "./progress-store";

// Thin: permission and input (validatedAction) → lib/server/transfers → plain data. The workflow checks the
// caller's scope on every step (a store acts only on its own transfers; a brand partner on none); refusals come
// back as their code ("not_found", "wrong_state", "not_allowed", "short") with the English message.

const id = z.string().regex(/^\d{1,18}$/, "a transfer id");
const reason = z.string().trim().min(1, "required").max(200, "at most 200 characters");
export type StepOutcome = { changed: boolean; status: string };

function answer(r: StepResult): ActionResult<StepOutcome> {
  if (!r.ok) return { ok: false, error: r.code, fieldErrors: { _: r.message } };
  revalidatePath("/transfers", "layout");
  return { ok: true, data: { changed: r.changed, status: r.transfer.status } };
}

const ref = z.object({ id });
const withReason = ref.extend({ reason });

export const approveAction = validatedAction("transfers", ref, async (i, { user, scope }) => answer(await approveTransfer(BigInt(i.id), { actor: user.email, scope })));
export const rejectAction = validatedAction("transfers", withReason, async (i, { user, scope }) => answer(await rejectTransfer(BigInt(i.id), i.reason, { actor: user.email, scope })));
export const forceAction = validatedAction("transfers", withReason, async (i, { user, scope }) => answer(await forceTransfer(BigInt(i.id), i.reason, { actor: user.email, scope })));
export const shipAction = validatedAction("transfers", ref, async (i, { user, scope }) => answer(await shipTransfer(BigInt(i.id), { actor: user.email, scope })));
export const closeAction = validatedAction("transfers", ref, async (i, { user, scope }) => answer(await closeTransfer(BigInt(i.id), { actor: user.email, scope })));
export const cancelAction = validatedAction("transfers", withReason, async (i, { user, scope }) => answer(await cancelTransfer(BigInt(i.id), i.reason, { actor: user.email, scope })));

const receiveInput = ref.extend({ received: z.number().int("a whole number").min(0, "0 or more").max(1_000_000), note: z.string().trim().max(500, "at most 500 characters").optional() });
export const receiveAction = validatedAction("transfers", receiveInput, async (i, { user, scope }) =>
  answer(await receiveTransfer(BigInt(i.id), i.received, i.note?.trim() || null, { actor: user.email, scope })));

export type BulkOutcome = { changed: number; unchanged: number; refused: { id: string; code: string }[] };
const bulkInput = z.object({ ids: z.array(id).min(1, "pick at least one").max(200, "at most 200 at a time"), decision: z.enum(["approve", "reject"]), reason: z.string().trim().max(200).optional() });

/** A store manager's bulk decision: each transfer on its own (one refused does not stop the rest). */
export const bulkDecideAction = validatedAction("transfers", bulkInput, async ({ ids, decision, reason: why }, { user, scope }): Promise<ActionResult<BulkOutcome>> => {
  if (decision === "reject" && !why) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { reason: "required" } };
  const out: BulkOutcome = { changed: 0, unchanged: 0, refused: [] };
  for (const raw of [...new Set(ids)]) {
    const who = { actor: user.email, scope };
    const r = decision === "approve" ? await approveTransfer(BigInt(raw), who) : await rejectTransfer(BigInt(raw), why!, who);
    if (!r.ok) out.refused.push({ id: raw, code: r.code });
    else if (r.changed) out.changed++;
    else out.unchanged++;
  }
  revalidatePath("/transfers", "layout");
  revalidatePath("/dashboard");
  return { ok: true, data: out };
});

const manualInput = z.object({
  sku: z.string().trim().min(1, "required").max(64),
  from: z.string().trim().min(1, "required").max(64),
  to: z.string().trim().min(1, "required").max(64),
  quantity: z.number("a whole number").int("a whole number").min(1, "1 or more").max(100_000, "at most 100,000"),
});

/** HQ proposes a transfer by hand; it waits for the source store like a suggestion. */
export const createManualAction = validatedAction("transfers", manualInput, async (input, { user, scope }): Promise<ActionResult<{ id: string }>> => {
  if (scope.kind !== "network") return { ok: false, error: "not_allowed" };
  const { sku, fromId, toId } = await resolveManual(input.sku, input.from, input.to);
  const fieldErrors: Record<string, string> = {};
  if (!sku) fieldErrors.sku = "unknown";
  if (fromId === null) fieldErrors.from = "unknown";
  if (toId === null) fieldErrors.to = "unknown";
  if (fromId !== null && fromId === toId) fieldErrors.to = "same";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors };
  const [created] = await proposeTransfers([{ skuId: sku!.id, fromLocationId: fromId!, toLocationId: toId!, quantity: input.quantity, origin: "MANUAL" }], user.email);
  revalidatePath("/transfers", "layout");
  return { ok: true, data: { id: String(created) } };
});

/** HQ runs the suggestion engine; the browser polls /transfers/progress?run= meanwhile. */
export const generateAction = validatedAction("transfers", z.object({ run: z.uuid() }), async ({ run }, { user, scope }): Promise<ActionResult<{ proposed: number; skus: number; seconds: number }>> => {
  if (scope.kind !== "network") return { ok: false, error: "not_allowed" };
  setProgress(run, 0, 0);
  const result = await generateSuggestions(user.email, (done, total) => setProgress(run, done, total));
  setProgress(run, result.skus, result.skus, true);
  revalidatePath("/transfers", "layout");
  return { ok: true, data: result };
});
