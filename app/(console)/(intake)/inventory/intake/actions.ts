"use server";
import { revalidatePath } from "next/cache";
import type { Problem } from "@/lib/intake/problems";
import type { AdjustResponse, ApplyResponse, ChunkResponse, Failed, LookupResponse } from "@/lib/intake/results";
import { adjustFormSchema, issuesToProblems, lookupSchema } from "@/lib/intake/schema";
import { decodeRows, importApplySchema, importChunkSchema } from "@/lib/intake/wire";
import type { SessionUser } from "@/lib/auth/roles";
import { adjustOne, lookupStock } from "@/lib/server/intake/adjust";
import { applyImport, validateImportChunk } from "@/lib/server/intake/import";
import { requireHq } from "@/lib/server/intake/permissions";
import { AccessDenied } from "@/lib/server/permissions";

// Thin: permission → zod → lib/server. Failures come back as problems (codes the page translates), never as
// thrown errors, and nothing is written when there is one.

const fail = (code: Problem["code"], field = "_"): Failed => ({ ok: false, problems: [{ row: 0, field, value: "", code }] });

async function guarded<R>(name: string, run: (user: SessionUser) => Promise<R | Failed>): Promise<R | Failed> {
  let user: SessionUser;
  try {
    ({ user } = await requireHq());
  } catch (error) {
    if (error instanceof AccessDenied) return fail(error.status === 401 ? "signedOut" : "forbidden");
    throw error;
  }
  try {
    return await run(user);
  } catch (error) {
    if (error instanceof AccessDenied) return fail("forbidden");
    console.error(`intake ${name}`, error);
    return fail("failed");
  }
}

export async function adjustAction(raw: unknown): Promise<AdjustResponse> {
  return guarded("adjust", async (user) => {
    const parsed = adjustFormSchema(new Date()).safeParse(raw);
    if (!parsed.success) return { ok: false, problems: issuesToProblems(0, parsed.error.issues, raw) };
    const outcome = await adjustOne(user, parsed.data);
    if (outcome.ok) revalidatePath("/inventory");
    return outcome;
  });
}

export async function lookupAction(raw: unknown): Promise<LookupResponse> {
  return guarded("lookup", async (user) => {
    const parsed = lookupSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: issuesToProblems(0, parsed.error.issues, raw) };
    return { ok: true as const, stock: await lookupStock(user, parsed.data) };
  });
}

export async function validateChunkAction(raw: unknown): Promise<ChunkResponse> {
  return guarded("validate", async (user) => {
    const parsed = importChunkSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: issuesToProblems(0, parsed.error.issues, raw, "unreadable") };
    const checked = await validateImportChunk(user, { type: parsed.data.type, rows: decodeRows(parsed.data.rows) });
    return { ok: true as const, ...checked };
  });
}

export async function applyImportAction(raw: unknown): Promise<ApplyResponse> {
  return guarded("apply", async (user) => {
    const parsed = importApplySchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: issuesToProblems(0, parsed.error.issues, raw, "unreadable") };
    const { type, reason, reference, rows } = parsed.data;
    const outcome = await applyImport(user, { type, reason, reference: reference || null, rows: decodeRows(rows) });
    if (outcome.ok) revalidatePath("/inventory");
    return outcome;
  });
}
