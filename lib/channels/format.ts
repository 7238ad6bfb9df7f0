// How the channels pages write times and lock facts, the same on server and client.
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { offsetLabel } from "./zoned-time";

/** "1 Dec 2026, 10:00" in `timeZone` (the zone a lock was entered in), in the reader's language. */
export function formatInZone(at: Date | string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
}

/** A lock window [start, end) with its zone and offset: "1 Dec 2026, 10:00 – 8 Dec 2026, 10:00 · Asia/Shanghai (UTC+08:00)". */
export function formatWindow(t: Translate, locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone: string): string {
  const window = t("lock.window", { start: formatInZone(startsAt, timeZone, locale), end: formatInZone(endsAt, timeZone, locale) });
  return `${window} · ${t("lock.zone", { zone: timeZone, offset: offsetLabel(new Date(startsAt), timeZone) })}`;
}

export function formatAmount(t: Translate, locale: Locale, amount: { unit: string; value: number }): string {
  return amount.unit === "PERCENT"
    ? t("lock.amount.PERCENT", { value: formatNumber(locale, amount.value, Number.isInteger(amount.value) ? 0 : 2) })
    : t("lock.amount.UNITS", { value: formatNumber(locale, amount.value) });
}

export type ScopeNames = { skuCodes: ReadonlyMap<number, string>; brandNames: ReadonlyMap<number, string> };

export function formatScope(
  t: Translate,
  scope: { kind: string; skuId?: number | null; brandId?: number | null; category?: string | null },
  names: ScopeNames,
): string {
  switch (scope.kind) {
    case "SKU":
      return t("lock.scope.SKU", { code: names.skuCodes.get(scope.skuId ?? 0) ?? `#${scope.skuId}` });
    case "BRAND":
      return t("lock.scope.BRAND", { name: names.brandNames.get(scope.brandId ?? 0) ?? `#${scope.brandId}` });
    case "CATEGORY":
      return t("lock.scope.CATEGORY", { name: scope.category ?? "" });
    default:
      return t("lock.scope.ALL");
  }
}
