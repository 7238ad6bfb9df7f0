import type { z } from "zod";

// Pages that filter, sort and page on the server read their state from the URL. One parser for all of them: each
// parameter validated by its own schema, a bad one named (parameter, value, why) instead of failing the page.

export type ParamProblem = { param: string; value: string; message: string };
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function entries(raw: RawParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => out.set(k, [...(out.get(k) ?? []), v]);
  if (raw instanceof URLSearchParams) for (const [k, v] of raw) add(k, v);
  else for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) add(k, one);
  return out;
}

/**
 * The valid parameters by name and the problems of the others. Unknown parameters are ignored, blank ones mean
 * "not set", and a parameter given twice is a problem (which one would be meant?).
 */
export function parseSearchParams<F extends Record<string, z.ZodType>>(
  raw: RawParams,
  fields: F,
): { values: { [K in keyof F]?: z.infer<F[K]> }; problems: ParamProblem[] } {
  const params = entries(raw);
  const problems: ParamProblem[] = [];
  const values: { [K in keyof F]?: z.infer<F[K]> } = {};
  for (const field of Object.keys(fields) as (keyof F & string)[]) {
    const given = (params.get(field) ?? []).filter((v) => v.trim() !== "");
    if (given.length === 0) continue;
    if (given.length > 1) {
      problems.push({ param: field, value: given.join(", "), message: "given more than once" });
      continue;
    }
    const parsed = fields[field].safeParse(given[0]);
    if (parsed.success) values[field] = parsed.data as z.infer<F[typeof field]>;
    else problems.push({ param: field, value: given[0], message: parsed.error.issues[0]?.message ?? "invalid" });
  }
  return { values, problems };
}

/** True when one of `names` came blank (a GET form's untouched fields): the page redirects to the tidy link. */
export function hasBlankSearchParams(raw: RawParams, names: readonly string[]): boolean {
  const params = entries(raw);
  return names.some((f) => (params.get(f) ?? []).some((v) => v.trim() === ""));
}
