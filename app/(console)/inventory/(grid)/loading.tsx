import { NoScriptNote } from "@/components/inventory/no-script-note";

export default function Loading() {
  return (
    <div className="space-y-5" aria-busy="true" data-testid="inventory-loading">
      <NoScriptNote />
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-28 animate-pulse rounded-xl bg-slate-200" />
      <div className="h-5 w-64 animate-pulse rounded bg-slate-200" />
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
