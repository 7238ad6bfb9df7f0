export type HistoryEntry = {
  key: string;
  action: string;
  actionLabel: string;
  /** "by hq@yipan.dev", translated. */
  by: string;
  time: string;
  /** What the event did, one translated line each (the lock as created, or each field an edit changed). */
  details: string[];
};

const TONE: Record<string, string> = {
  CREATED: "bg-green-50 text-green-700",
  EDITED: "bg-brand-50 text-brand-700",
  CANCELLED: "bg-red-50 text-red-700",
};

/** Who created, edited or cancelled a lock, newest first. Presentational: everything arrives translated. */
export function LockHistory({ entries, empty }: { entries: HistoryEntry[]; empty: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="space-y-3" data-testid="lock-history">
      {entries.map((e) => (
        <li key={e.key} className="rounded-lg border border-slate-200 px-4 py-3 text-sm" data-action={e.action}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[e.action] ?? "bg-slate-100 text-slate-600"}`}>{e.actionLabel}</span>
            <span className="font-medium" data-testid="history-actor">
              {e.by}
            </span>
            <span className="text-slate-500">{e.time}</span>
          </div>
          {e.details.length > 0 && (
            <ul className="mt-1.5 space-y-0.5 text-slate-600">
              {e.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
