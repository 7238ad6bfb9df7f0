import { type Locale, type MessageKey, type Translate } from "@/lib/i18n";

/** A catalog label for a code from the database (location type, region), or the code itself if unknown. */
export function codeLabel(t: Translate, prefix: "locationType" | "region", code: string): string {
  const key = `${prefix}.${code}`;
  const label = t(key as MessageKey);
  return label === key ? code : label;
}

export function skuHref(code: string): string {
  return `/inventory/sku/${encodeURIComponent(code)}`;
}

export function locationHref(code: string): string {
  return `/inventory/location/${encodeURIComponent(code)}`;
}

export function formatDateTime(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** Calendar dates (expiry) are stored without a time: format them in UTC so they never shift a day. */
export function formatDate(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
}
