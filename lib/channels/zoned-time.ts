// Wall-clock times in an IANA time zone ↔ instants. A lock window is typed as "2026-12-01T10:00" in a chosen zone
// and stored as UTC; the editor shows it back in that zone. Pure: only Intl, no library.

/** The editor's format: a local date and time to the minute, as `<input type="datetime-local">` gives it. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone the editor starts with: where the stock and the people are. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `zone` is a time zone this runtime knows (IANA names such as "Asia/Shanghai", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallAt(instant: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  // Some runtimes print midnight as 24 even with h23.
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Milliseconds the zone is ahead of UTC at `instant` (Shanghai: +8 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return asUtc - whole;
}

export type ZonedResult =
  | { ok: true; date: Date }
  | { ok: false; reason: "format" | "zone" | "nonexistent" };

const DAY = 86_400_000;

/**
 * The instant at which clocks in `timeZone` show `local` ("YYYY-MM-DDTHH:mm"). A time the clocks skip when daylight
 * saving starts does not exist and is refused ("nonexistent"); a time they show twice when it ends is the first
 * of the two (the earlier instant), as calendars do.
 */
export function zonedToUtc(local: string, timeZone: string): ZonedResult {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return { ok: false, reason: "format" };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return { ok: false, reason: "format" };
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { ok: false, reason: "format" };
  if (!isTimeZone(timeZone)) return { ok: false, reason: "zone" };

  // The offsets in force a day either side cover any single transition near this wall time; a candidate is
  // right when the zone's offset at it is the one it was computed with.
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  const matches = [...offsets].map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t);
  if (matches.length === 0) return { ok: false, reason: "nonexistent" };
  return { ok: true, date: new Date(Math.min(...matches)) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** What clocks in `timeZone` show at `date`, as "YYYY-MM-DDTHH:mm" (the editor's format; seconds dropped). */
export function utcToZoned(date: Date, timeZone: string): string {
  const w = wallAt(date.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "UTC+08:00", "UTC−05:00", "UTC+05:45": the zone's offset at `date`, for showing beside a time. */
export function offsetLabel(date: Date, timeZone: string): string {
  const minutes = Math.round(offsetAt(date.getTime(), timeZone) / 60_000);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Time zones to offer: the runtime's IANA list (with UTC), the default first. */
export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const list = new Set([DEFAULT_TIME_ZONE, "UTC", ...all]);
  return [...list];
}
