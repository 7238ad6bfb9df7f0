// The strategy editor's form: a strategy's rules as people edit them (numbers as typed, locations by code), the
// conversions to and from the rules lib/routing reads, reordering, and what changed between two versions. Pure, the
// same on server and client; the server validates the converted rules with strategyRules (lib/server/orders).
import { z } from "zod";
import type { Filter, LocationType, Ranker, Strategy } from "@/lib/routing/types";

export const LOCATION_TYPES = ["WAREHOUSE", "DC", "STORE"] as const satisfies readonly LocationType[];
export const FILTER_KINDS = ["capability", "capacity", "locationType", "sameRegion", "sameProvince", "minAtpMargin", "exclude"] as const satisfies readonly Filter["kind"][];
export const RANKER_KINDS = ["complete", "nearest", "designated", "lowestCost"] as const satisfies readonly Ranker["kind"][];
export type FilterKind = (typeof FILTER_KINDS)[number];
export type RankerKind = (typeof RANKER_KINDS)[number];

const text = (max: number) => z.string().max(max);

export const filterForm = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("locationType"), types: z.array(z.enum(LOCATION_TYPES)).max(3) }),
  z.object({ kind: z.literal("sameRegion") }),
  z.object({ kind: z.literal("sameProvince") }),
  z.object({ kind: z.literal("capability") }),
  z.object({ kind: z.literal("capacity") }),
  z.object({ kind: z.literal("minAtpMargin"), units: text(20) }),
  z.object({ kind: z.literal("exclude"), codes: text(10_000) }),
]);

export const rankerForm = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("nearest"), measure: z.enum(["weighted", "max"]) }),
  z.object({ kind: z.literal("complete") }),
  z.object({ kind: z.literal("designated"), codes: text(10_000) }),
  z.object({ kind: z.literal("lowestCost") }),
]);

/** What the editor sends: the shape is checked here, the values by formToRules and strategyRules. */
export const rulesForm = z.object({
  maxSplits: text(20),
  filters: z.array(filterForm).max(20),
  rankers: z.array(rankerForm).max(10),
  pickupOptions: z.number().int().optional(),
});

export type FilterForm = z.infer<typeof filterForm>;
export type RankerForm = z.infer<typeof rankerForm>;
export type RulesForm = z.infer<typeof rulesForm>;

export function newFilter(kind: FilterKind): FilterForm {
  switch (kind) {
    case "locationType":
      return { kind, types: ["WAREHOUSE", "DC"] };
    case "minAtpMargin":
      return { kind, units: "1" };
    case "exclude":
      return { kind, codes: "" };
    default:
      return { kind };
  }
}

export function newRanker(kind: RankerKind): RankerForm {
  switch (kind) {
    case "nearest":
      return { kind, measure: "weighted" };
    case "designated":
      return { kind, codes: "" };
    default:
      return { kind };
  }
}

/** Location codes typed as a list: commas, Chinese commas or spaces between them; upper-cased, duplicates dropped. */
export function splitCodes(input: string): string[] {
  const out: string[] = [];
  for (const part of input.split(/[\s,，、;；]+/)) {
    const code = part.trim().toUpperCase();
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

const codesOf = (ids: readonly number[], codeOf: (id: number) => string | undefined) => ids.map((id) => codeOf(id) ?? `#${id}`).join(", ");

/** Stored rules → the form (location ids named by code; an id no longer known shows as #id). */
export function rulesToForm(rules: Strategy, codeOf: (id: number) => string | undefined): RulesForm {
  return {
    maxSplits: String(rules.maxSplits),
    filters: rules.filters.map((f): FilterForm => {
      switch (f.kind) {
        case "locationType":
          return { kind: f.kind, types: LOCATION_TYPES.filter((type) => f.types.includes(type)) };
        case "minAtpMargin":
          return { kind: f.kind, units: String(f.units) };
        case "exclude":
          return { kind: f.kind, codes: codesOf(f.locationIds, codeOf) };
        default:
          return { kind: f.kind };
      }
    }),
    rankers: rules.rankers.map((r): RankerForm => {
      switch (r.kind) {
        case "nearest":
          return { kind: r.kind, measure: r.measure };
        case "designated":
          return { kind: r.kind, codes: codesOf(r.locationIds, codeOf) };
        default:
          return { kind: r.kind };
      }
    }),
    ...(rules.pickupOptions !== undefined ? { pickupOptions: rules.pickupOptions } : {}),
  };
}

export type FormErrors = Record<string, string>;

/** A whole number as typed, or null ("", "1.5", "abc", "1e3" are not). */
function wholeNumber(value: string): number | null {
  const v = value.trim();
  return /^-?\d{1,9}$/.test(v) ? Number(v) : null;
}

/**
 * The form → rules as lib/routing reads them: numbers parsed, location codes resolved. Errors are keyed by the form
 * field ("maxSplits", "filters.2.units", "rankers.1.codes") and name the value and why. Ranges and the other rules
 * are strategyRules' to check (see rulesIssueField).
 */
export function formToRules(form: RulesForm, idOf: (code: string) => number | undefined): { ok: true; rules: unknown } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const resolve = (field: string, codes: string): number[] => {
    const list = splitCodes(codes);
    const unknown = list.filter((c) => idOf(c) === undefined);
    if (unknown.length > 0) errors[field] = `${unknown.map((c) => JSON.stringify(c)).join(", ")} ${unknown.length === 1 ? "is not the code of a location" : "are not codes of locations"}`;
    return list.flatMap((c) => idOf(c) ?? []);
  };
  const maxSplits = wholeNumber(form.maxSplits);
  if (maxSplits === null) errors.maxSplits = `maxSplits ${JSON.stringify(form.maxSplits)} is not a whole number`;
  const filters = form.filters.map((f, i) => {
    switch (f.kind) {
      case "minAtpMargin": {
        const units = wholeNumber(f.units);
        if (units === null) errors[`filters.${i}.units`] = `units ${JSON.stringify(f.units)} is not a whole number`;
        return { kind: f.kind, units: units ?? 0 };
      }
      case "exclude":
        return { kind: f.kind, locationIds: resolve(`filters.${i}.codes`, f.codes) };
      default:
        return f;
    }
  });
  const rankers = form.rankers.map((r, i) => (r.kind === "designated" ? { kind: r.kind, locationIds: resolve(`rankers.${i}.codes`, r.codes) } : r));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: { maxSplits, filters, rankers, ...(form.pickupOptions !== undefined ? { pickupOptions: form.pickupOptions } : {}) } };
}

/** The form field a strategyRules issue is about: location ids are typed as codes. */
export function rulesIssueField(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts.length >= 3 && parts[2] === "locationIds") return `${parts[0]}.${parts[1]}.codes`;
  if (parts.length >= 3 && (parts[0] === "filters" || parts[0] === "rankers")) return parts.slice(0, 3).join(".");
  return parts.join(".") || "rules";
}

/** `list` with the item at `from` moved to `to` (both clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

// ---- What changed between two versions --------------------------------------------------------------------------

export type RulesChange =
  | { kind: "maxSplits"; from: string; to: string }
  | { kind: "order"; from: RankerKind[]; to: RankerKind[] }
  | { kind: "rankerAdded"; ranker: RankerForm }
  | { kind: "rankerRemoved"; ranker: RankerForm }
  | { kind: "rankerChanged"; from: RankerForm; to: RankerForm }
  | { kind: "filterAdded"; filter: FilterForm }
  | { kind: "filterRemoved"; filter: FilterForm }
  | { kind: "filterChanged"; from: FilterForm; to: FilterForm };

const same = (a: unknown, b: unknown) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
/** Codes compare as lists (spacing and case aside). */
function normalize(v: unknown): unknown {
  if (v && typeof v === "object" && "codes" in v) return { ...v, codes: splitCodes(String((v as { codes: string }).codes)) };
  return v;
}

/** From `before` (e.g. the active version) to `after` (the draft): what a reader needs to see, in rule order. */
export function rulesDiff(before: RulesForm, after: RulesForm): RulesChange[] {
  const changes: RulesChange[] = [];
  if (before.maxSplits.trim() !== after.maxSplits.trim()) changes.push({ kind: "maxSplits", from: before.maxSplits, to: after.maxSplits });

  const beforeKinds = before.rankers.map((r) => r.kind);
  const afterKinds = after.rankers.map((r) => r.kind);
  const kept = (kinds: RankerKind[], other: RankerKind[]) => kinds.filter((k) => other.includes(k));
  if (!same(kept(beforeKinds, afterKinds), kept(afterKinds, beforeKinds))) changes.push({ kind: "order", from: beforeKinds, to: afterKinds });
  for (const r of after.rankers) {
    const old = before.rankers.find((b) => b.kind === r.kind);
    if (!old) changes.push({ kind: "rankerAdded", ranker: r });
    else if (!same(old, r)) changes.push({ kind: "rankerChanged", from: old, to: r });
  }
  for (const r of before.rankers) if (!after.rankers.some((a) => a.kind === r.kind)) changes.push({ kind: "rankerRemoved", ranker: r });

  for (const f of after.filters) {
    const old = before.filters.find((b) => b.kind === f.kind);
    if (!old) changes.push({ kind: "filterAdded", filter: f });
    else if (!same(old, f)) changes.push({ kind: "filterChanged", from: old, to: f });
  }
  for (const f of before.filters) if (!after.filters.some((a) => a.kind === f.kind)) changes.push({ kind: "filterRemoved", filter: f });
  return changes;
}
