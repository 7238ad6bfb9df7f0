// Money and times on the Orders pages. Times show in the business time zone (where the stores are), whatever
// the server's or the browser's zone, so "placed on" matches the list's day filters.
import { DEFAULT_TIME_ZONE, utcToZoned } from "@/lib/channels/zoned-time";
import { formatNumber, type Locale } from "@/lib/i18n";

export const ORDER_TIME_ZONE = DEFAULT_TIME_ZONE;

/** Yuan from cents: ¥1,299.00. */
export function formatMoney(locale: Locale, cents: number): string {
  return `¥${formatNumber(locale, cents / 100, 2)}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time to the minute in the business time zone, per locale. */
export function formatTime(locale: Locale, date: Date, seconds = false): string {
  const key = `${locale}|${seconds}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: ORDER_TIME_ZONE, dateStyle: "medium", timeStyle: seconds ? "medium" : "short" });
    formats.set(key, f);
  }
  return f.format(date);
}

/** The business day of an instant, "2026-11-30". */
export function businessDay(date: Date): string {
  return utcToZoned(date, ORDER_TIME_ZONE).slice(0, 10);
}
