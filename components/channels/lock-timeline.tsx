import Link from "next/link";
import type { LockState } from "@/lib/allocation";

export type TimelineBarView = {
  id: number;
  name: string;
  kind: "RING_FENCE" | "CAP";
  state: LockState;
  lane: number;
  left: number;
  width: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Everything about the lock in one line, translated: the bar's accessible name and tooltip. */
  description: string;
};

export type TimelineRowView = { channel: { id: number; code: string; name: string; active: boolean }; lanes: number; bars: TimelineBarView[] };

export type TimelineTick = { left: number; label: string | null; week: boolean };

const LANE = 26;

/** Colour by kind, fill by state: solid while active, light and dashed before, faded after, grey and struck when cancelled. */
function barClass(kind: TimelineBarView["kind"], state: LockState): string {
  if (state === "cancelled") return "border border-slate-300 bg-slate-100 text-slate-500 line-through";
  const fence = kind === "RING_FENCE";
  switch (state) {
    case "active":
      return fence ? "bg-brand-600 text-white" : "bg-amber-500 text-white";
    case "scheduled":
      return fence ? "border border-dashed border-brand-500 bg-brand-50 text-brand-700" : "border border-dashed border-amber-500 bg-amber-50 text-amber-800";
    default:
      return fence ? "bg-brand-100 text-brand-700 opacity-70" : "bg-amber-100 text-amber-800 opacity-70";
  }
}

function Grid({ ticks, nowLeft }: { ticks: TimelineTick[]; nowLeft: number | null }) {
  return (
    <>
      {ticks.map((tick, i) => (
        <div key={i} aria-hidden className={`absolute inset-y-0 w-px ${tick.week ? "bg-slate-300" : "bg-slate-100"}`} style={{ left: `${tick.left}%` }} />
      ))}
      {nowLeft !== null && <div aria-hidden className="absolute inset-y-0 z-10 w-0.5 bg-red-500" style={{ left: `${nowLeft}%` }} />}
    </>
  );
}

/**
 * Lock periods over a window of weeks: a row per channel, a bar per lock (overlapping ones on lanes), a red line at
 * now. Bars link to the lock. Presentational: labels arrive translated and positions computed (lib/channels/timeline).
 */
export function LockTimeline({
  rows,
  ticks,
  nowLeft,
  nowLabel,
  legend,
}: {
  rows: TimelineRowView[];
  ticks: TimelineTick[];
  nowLeft: number | null;
  nowLabel: string;
  legend: { kind: TimelineBarView["kind"]; state: LockState; label: string }[];
}) {
  return (
    <div className="space-y-3" data-testid="lock-timeline">
      <div className="overflow-x-auto">
        <div className="min-w-[720px]">
          <div className="flex">
            <div className="w-40 shrink-0" />
            <div className="relative h-6 flex-1 text-[11px] text-slate-500">
              {ticks
                .filter((tick) => tick.label)
                .map((tick, i) => (
                  <span key={i} className="absolute top-1 -translate-x-1/2 whitespace-nowrap" style={{ left: `${tick.left}%` }}>
                    {tick.label}
                  </span>
                ))}
            </div>
          </div>
          <div className="border-t border-slate-200">
            {rows.map((row) => (
              <div key={row.channel.id} className="flex border-b border-slate-200" data-channel={row.channel.code}>
                <div className="w-40 shrink-0 truncate py-1.5 pr-2 text-sm" title={row.channel.name}>
                  <span className="font-mono text-xs font-medium">{row.channel.code}</span>{" "}
                  <span className={row.channel.active ? "text-slate-600" : "text-slate-400 line-through"}>{row.channel.name}</span>
                </div>
                <div className="relative flex-1" style={{ height: row.lanes * LANE + 8 }}>
                  <Grid ticks={ticks} nowLeft={nowLeft} />
                  {row.bars.map((bar) => (
                    <Link
                      key={bar.id}
                      href={`/channels/locks/${bar.id}`}
                      aria-label={bar.description}
                      title={bar.description}
                      data-lock-id={bar.id}
                      data-state={bar.state}
                      data-kind={bar.kind}
                      className={`absolute z-20 flex items-center overflow-hidden px-1.5 text-xs font-medium whitespace-nowrap hover:ring-2 hover:ring-slate-400 focus-visible:ring-2 focus-visible:ring-slate-600 focus-visible:outline-none ${barClass(bar.kind, bar.state)} ${bar.clippedStart ? "rounded-l-none" : "rounded-l"} ${bar.clippedEnd ? "rounded-r-none" : "rounded-r"}`}
                      style={{ left: `${bar.left}%`, width: `${bar.width}%`, top: 4 + bar.lane * LANE, height: LANE - 4 }}
                    >
                      <span className="truncate">{bar.name}</span>
                    </Link>
                  ))}
                </div>
              </div>
            ))}
          </div>
          {nowLeft !== null && (
            <div className="flex">
              <div className="w-40 shrink-0" />
              <div className="relative h-5 flex-1">
                <span className="absolute top-0 z-10 -translate-x-1/2 rounded-b bg-red-500 px-1 text-[10px] font-medium text-white" style={{ left: `${nowLeft}%` }}>
                  {nowLabel}
                </span>
              </div>
            </div>
          )}
        </div>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {legend.map((l) => (
          <li key={`${l.kind}-${l.state}`} className="flex items-center gap-1.5">
            <span aria-hidden className={`inline-block h-3 w-6 rounded ${barClass(l.kind, l.state)}`} />
            {l.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-0.5 bg-red-500" />
          {nowLabel}
        </li>
      </ul>
    </div>
  );
}
