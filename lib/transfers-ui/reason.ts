// A suggested transfer's stored reason ({ reason: TransferReason, effect: TransferEffect, packSize } from the run),
// read defensively from JSON: anything missing or malformed is left out rather than shown wrong.

export type ReasonParty = { code: string; name: string; coverDays: number | null; velocity: number; atp: number | null };
export type ReasonView = {
  codes: string[];
  destination: ReasonParty | null;
  source: ReasonParty | null;
  distanceKm: number | null;
  effect: { horizonDays: number; coverBefore: number; coverAfter: number; stockOutDaysAvoided: number; lostSalesAvoided: number | null } | null;
};

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function party(v: unknown): ReasonParty | null {
  const p = obj(v);
  if (!p || typeof p.code !== "string") return null;
  return {
    code: p.code,
    name: typeof p.name === "string" ? p.name : p.code,
    coverDays: num(p.coverDays),
    velocity: num(p.velocity) ?? 0,
    atp: num(p.atp),
  };
}

export function readReason(json: unknown): ReasonView | null {
  const outer = obj(json);
  if (!outer) return null;
  // The suggestion run stores { reason, effect, packSize }; older or hand-made rows may hold the reason itself.
  const r = obj(outer.reason) ?? outer;
  const codes = Array.isArray(r.codes) ? r.codes.filter((c): c is string => typeof c === "string") : [];
  const e = obj(outer.effect) ?? obj(r.effect);
  const effect =
    e && num(e.horizonDays) !== null && num(e.destinationCoverBefore) !== null && num(e.destinationCoverAfter) !== null
      ? {
          horizonDays: num(e.horizonDays)!,
          coverBefore: num(e.destinationCoverBefore)!,
          coverAfter: num(e.destinationCoverAfter)!,
          stockOutDaysAvoided: num(e.stockOutDaysAvoided) ?? 0,
          lostSalesAvoided: num(e.lostSalesAvoided),
        }
      : null;
  const view = { codes, destination: party(r.destination), source: party(r.source), distanceKm: num(r.distanceKm), effect };
  return codes.length === 0 && !view.destination && !view.source && !effect ? null : view;
}

/** One decimal at most, as the domain's English wording does. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
