// Layout of the lock timeline on the channels page: one row per channel, a bar per lock over a window of weeks,
// overlapping locks of one channel on separate lanes. Pure; positions are percentages of the window's width.

import { utcToZoned, zonedToUtc } from "./zoned-time";

const DAY = 86_400_000;

export type TimelineWindow = { from: Date; to: Date; days: number };

/** Days shown before today when the window is not chosen, and the window's length. */
export const DAYS_BEFORE = 14;
export const WINDOW_DAYS = 42;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight of a calendar date in `zone`, or null when `date` is not one. */
function midnight(date: string, zone: string): Date | null {
  if (!DATE.test(date)) return null;
  const r = zonedToUtc(`${date}T00:00`, zone);
  return r.ok ? r.date : null;
}

/** The calendar date `days` after `date` ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * The window starting at midnight of `start` (a "YYYY-MM-DD" from the URL) in `zone`, or DAYS_BEFORE days before
 * today there when `start` is missing or not a date; WINDOW_DAYS long, day boundaries in `zone`.
 */
export function timelineWindow(now: Date, zone: string, start?: string | null): TimelineWindow & { start: string } {
  const today = utcToZoned(now, zone).slice(0, 10);
  const first = start && midnight(start, zone) ? start : addDays(today, -DAYS_BEFORE);
  return { start: first, from: midnight(first, zone)!, to: midnight(addDays(first, WINDOW_DAYS), zone)!, days: WINDOW_DAYS };
}

/** Where `at` falls across the window, 0–100 (clamped). */
export function position(at: Date, window: Pick<TimelineWindow, "from" | "to">): number {
  const span = window.to.getTime() - window.from.getTime();
  const p = ((at.getTime() - window.from.getTime()) / span) * 100;
  return Math.min(100, Math.max(0, p));
}

/** The window's day starts, with where each falls; weekly ticks are every 7th from the first. */
export function dayTicks(window: TimelineWindow & { start: string }, zone: string): { date: string; left: number; at: Date }[] {
  const out: { date: string; left: number; at: Date }[] = [];
  for (let i = 0; i < window.days; i++) {
    const date = addDays(window.start, i);
    const at = midnight(date, zone)!;
    out.push({ date, at, left: position(at, window) });
  }
  return out;
}

export type TimelineLock = { id: number; channelId: number; startsAt: Date; endsAt: Date };

export type TimelineBar<T> = {
  lock: T;
  lane: number;
  left: number;
  width: number;
  /** The lock starts before / ends after the window: the bar is cut at the edge. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

export type TimelineRow<T> = { channelId: number; lanes: number; bars: TimelineBar<T>[] };

/** Narrowest bar drawn, in % of the width, so a lock of an hour can still be seen and clicked. */
export const MIN_WIDTH = 0.6;

/**
 * A row per channel in `channelIds` order, each lock in the window on the first lane free at its start (locks
 * sorted by start, then id). Locks outside the window or of other channels are left out.
 */
export function layoutTimeline<T extends TimelineLock>(locks: T[], channelIds: number[], window: TimelineWindow): TimelineRow<T>[] {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const visible = locks
    .filter((l) => l.startsAt.getTime() < to && l.endsAt.getTime() > from)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  return channelIds.map((channelId) => {
    const laneEnds: number[] = [];
    const bars: TimelineBar<T>[] = [];
    for (const lock of visible) {
      if (lock.channelId !== channelId) continue;
      const start = lock.startsAt.getTime();
      let lane = laneEnds.findIndex((end) => end <= start);
      if (lane === -1) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = lock.endsAt.getTime();
      const left = position(lock.startsAt, window);
      const right = position(lock.endsAt, window);
      bars.push({
        lock,
        lane,
        left: Math.min(left, 100 - MIN_WIDTH),
        width: Math.max(MIN_WIDTH, right - left),
        clippedStart: start < from,
        clippedEnd: lock.endsAt.getTime() > to,
      });
    }
    return { channelId, lanes: Math.max(1, laneEnds.length), bars };
  });
}
