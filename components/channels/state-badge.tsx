import type { LockState } from "@/lib/allocation";

const TONE: Record<LockState, string> = {
  scheduled: "bg-sky-50 text-sky-700 ring-sky-200",
  active: "bg-green-50 text-green-700 ring-green-200",
  ended: "bg-slate-100 text-slate-600 ring-slate-200",
  cancelled: "bg-slate-100 text-slate-500 ring-slate-200",
};

/** A lock's state as a small coloured label (text arrives translated). */
export function StateBadge({ state, label }: { state: LockState; label: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
