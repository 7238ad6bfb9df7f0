// The replay's comparison, draft against active: one row per metric with the difference and whether the draft does
// better, and each location's load under both (the busiest first). Pure.

type Metrics = {
  splitRate: number;
  avgKm: number;
  shippingCents: number;
  backOrderedUnits: number;
  backOrderedOrders: number;
  load: readonly { code: string; shipments: number; units: number }[];
};

export const METRICS = ["splitRate", "avgKm", "shippingCents", "backOrderedUnits", "backOrderedOrders"] as const;
export type MetricKind = (typeof METRICS)[number];

/** better: lower is better for every metric; null when equal. */
export function metricRows(r: { draft: Metrics; active: Metrics }): { kind: MetricKind; draft: number; active: number; delta: number; better: boolean | null }[] {
  return METRICS.map((kind) => {
    const draft = r.draft[kind];
    const active = r.active[kind];
    // Float noise (rates, mean km) would otherwise show as a change.
    const delta = Math.abs(draft - active) < 1e-9 ? 0 : draft - active;
    return { kind, draft, active, delta, better: delta === 0 ? null : delta < 0 };
  });
}

export type LoadRow = { code: string; draft: number; active: number; draftUnits: number; activeUnits: number };

/** Shipments (and units) per location under both rule sets, the `top` busiest by the larger of the two. */
export function loadComparison(draft: Metrics["load"], active: Metrics["load"], top: number): LoadRow[] {
  const rows = new Map<string, LoadRow>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, draft: 0, active: 0, draftUnits: 0, activeUnits: 0 }));
    return r;
  };
  for (const l of draft) Object.assign(row(l.code), { draft: l.shipments, draftUnits: l.units });
  for (const l of active) Object.assign(row(l.code), { active: l.shipments, activeUnits: l.units });
  return [...rows.values()]
    .sort((a, b) => Math.max(b.draft, b.active) - Math.max(a.draft, a.active) || b.draft + b.active - (a.draft + a.active) || (a.code < b.code ? -1 : 1))
    .slice(0, top);
}
