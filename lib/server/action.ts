import "server-only";
import type { z } from "zod";
import type { DataScope, Section, SessionUser } from "@/lib/auth/roles";
import { AccessDenied, authorize } from "./permissions";

export type FieldErrors = Record<string, string>;
export type ActionResult<R> = { ok: true; data: R } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * A server action that checks the caller's permission for `section`, validates its input with `schema`, then
 * runs. Failures come back as data (a message, and per-field messages), never as thrown errors.
 */
export function validatedAction<S extends z.ZodType, R>(
  section: Section,
  schema: S,
  run: (input: z.infer<S>, ctx: { user: SessionUser; scope: DataScope }) => Promise<ActionResult<R>>,
) {
  return async (raw: unknown): Promise<ActionResult<R>> => {
    let ctx;
    try {
      ctx = await authorize(section);
    } catch (error) {
      if (error instanceof AccessDenied) return { ok: false, error: error.message };
      throw error;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
      return { ok: false, error: "Please correct the highlighted fields.", fieldErrors };
    }
    return run(parsed.data, ctx);
  };
}
