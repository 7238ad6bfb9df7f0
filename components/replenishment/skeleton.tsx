/** Shown while a location's lines are worked out (the page streams the rest in). */
export function ReplenishmentSkeleton() {
  return (
    <div className="space-y-5" aria-busy="true" data-testid="replenishment-loading">
      <div className="grid gap-4 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-xl bg-slate-200" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-xl bg-slate-200" />
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
