import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";

export type FieldError = { field: string; value?: unknown; message: string };

/** The one JSON error shape of /api/v1: { error: { code, message, fields? } }. */
export function errorBody(code: string, message: string, fields?: FieldError[]) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function apiError(status: number, code: string, message: string, fields?: FieldError[]) {
  return NextResponse.json(errorBody(code, message, fields), { status });
}

/** A session route refused by the permission gate, in the same JSON shape. */
export function accessDenied(error: { status: 401 | 403; message: string }) {
  return apiError(error.status, error.status === 401 ? "unauthorized" : "forbidden", error.message);
}

export function zodFields(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.map((issue) => {
    let value: unknown = input;
    for (const key of issue.path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(body)";
    return { field, ...(value !== undefined ? { value } : {}), message: issue.message };
  });
}
