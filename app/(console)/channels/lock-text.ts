import "server-only";
import type { TimelineBarView, TimelineRowView, TimelineTick } from "@/components/channels/lock-timeline";
import type { LockState } from "@/lib/allocation";
import { formatAmount, formatScope, formatWindow, type ScopeNames } from "@/lib/channels/format";
import { dayTicks, layoutTimeline, position, type TimelineWindow } from "@/lib/channels/timeline";
import type { Locale, Translate } from "@/lib/i18n";
import { allBrands, skuCodes } from "@/lib/server/catalog";

// Shared by the channels pages: naming lock scopes and describing locks in the reader's language, and the timeline.

type LockRowLike = {
  id: number;
  channelId: number;
  name: string;
  kind: "RING_FENCE" | "CAP";
  scopeKind: string;
  scopeSkuId: number | null;
  scopeBrandId: number | null;
  scopeCategory: string | null;
  unit: string;
  amount: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  state: LockState;
  channel: { code: string };
};

/** SKU codes and brand names the given SKU ids and all brands need. */
export async function scopeNames(skuIds: (number | null)[]): Promise<ScopeNames> {
  const [codes, brands] = await Promise.all([skuCodes(skuIds.filter((id): id is number => id !== null)), allBrands()]);
  return { skuCodes: codes, brandNames: new Map(brands.map((b) => [b.id, b.name])) };
}

export function lockScopeText(t: Translate, lock: LockRowLike, names: ScopeNames): string {
  return formatScope(t, { kind: lock.scopeKind, skuId: lock.scopeSkuId, brandId: lock.scopeBrandId, category: lock.scopeCategory }, names);
}

/** "Ring-fence · 30 units · SKU X · window · Active": a lock in one line. */
export function lockLine(t: Translate, locale: Locale, lock: LockRowLike, names: ScopeNames): string {
  return [
    `${lock.name} (${lock.channel.code})`,
    t(`lock.kind.${lock.kind}`),
    formatAmount(t, locale, { unit: lock.unit, value: lock.amount }),
    lockScopeText(t, lock, names),
    formatWindow(t, locale, lock.startsAt, lock.endsAt, lock.timeZone),
    t(`lock.state.${lock.state}`),
  ].join(" · ");
}

/** Kinds in their active colours, then the states (drawn as a ring-fence). */
const LEGEND: { kind: TimelineBarView["kind"]; state: LockState; label: "kind" | "state" }[] = [
  { kind: "RING_FENCE", state: "active", label: "kind" },
  { kind: "CAP", state: "active", label: "kind" },
  { kind: "RING_FENCE", state: "scheduled", label: "state" },
  { kind: "RING_FENCE", state: "ended", label: "state" },
  { kind: "RING_FENCE", state: "cancelled", label: "state" },
];

/** Rows, ticks and the now line of the timeline, ready for LockTimeline. */
export function timelineView(
  t: Translate,
  locale: Locale,
  input: {
    channels: TimelineRowView["channel"][];
    locks: LockRowLike[];
    window: TimelineWindow & { start: string };
    zone: string;
    now: Date;
    names: ScopeNames;
  },
) {
  const { channels, locks, window, zone, now, names } = input;
  const dayLabel = new Intl.DateTimeFormat(locale, { timeZone: zone, month: "short", day: "numeric" });
  const ticks: TimelineTick[] = dayTicks(window, zone).map((d, i) => ({ left: d.left, week: i % 7 === 0, label: i % 7 === 0 ? dayLabel.format(d.at) : null }));
  const byChannel = new Map(channels.map((c) => [c.id, c]));
  const rows: TimelineRowView[] = layoutTimeline(locks, channels.map((c) => c.id), window).map((row) => ({
    channel: byChannel.get(row.channelId)!,
    lanes: row.lanes,
    bars: row.bars.map((b) => ({
      id: b.lock.id,
      name: b.lock.name,
      kind: b.lock.kind,
      state: b.lock.state,
      lane: b.lane,
      left: b.left,
      width: b.width,
      clippedStart: b.clippedStart,
      clippedEnd: b.clippedEnd,
      description: lockLine(t, locale, b.lock, names),
    })),
  }));
  const nowLeft = now >= window.from && now < window.to ? position(now, window) : null;
  const legend = LEGEND.map((l) => ({ kind: l.kind, state: l.state, label: l.label === "kind" ? t(`lock.kind.${l.kind}`) : t(`lock.state.${l.state}`) }));
  return { rows, ticks, nowLeft, legend };
}
