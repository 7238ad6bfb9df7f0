import { statusTone } from "@/lib/orders-ui/steps";

const TONE = {
  neutral: "bg-slate-100 text-slate-600 ring-slate-200",
  progress: "bg-sky-50 text-sky-700 ring-sky-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  done: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  stopped: "bg-slate-100 text-slate-500 ring-slate-300",
} as const;

/** An order's or a shipment's status as a small coloured label (the text arrives translated). */
export function StatusBadge({ status, label, testId }: { status: string; label: string; testId?: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE[statusTone(status)]}`}
      data-status={status}
      data-testid={testId}
    >
      {label}
    </span>
  );
}

/** "Cross-store": a location other than the selling store fulfils the order. */
export function CrossStoreBadge({ label, title }: { label: string; title?: string }) {
  return (
    <span className="inline-flex rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-violet-700 ring-1 ring-violet-200 ring-inset" title={title} data-testid="cross-store">
      {label}
    </span>
  );
}
