// A customer's city and province as the viewer reads them: the network's cities have Chinese names
// (prisma/seed/cities.ts); anything else shows as stored. Municipalities (Shanghai, Beijing…) name the city once.
import { CITIES, PROVINCES } from "@/prisma/seed/cities";
import type { Locale } from "@/lib/i18n";

const CITY_ZH = new Map(CITIES.map((c) => [c.name, c.nameZh]));

export function placeName(locale: Locale, city: string, province: string): string {
  if (locale === "zh-CN") {
    const c = CITY_ZH.get(city);
    const p = PROVINCES[province]?.zh;
    if (c && p) return c === p ? c : `${p}${c}`;
    return city === province ? (c ?? city) : `${p ?? province} ${c ?? city}`;
  }
  return city === province ? city : `${city}, ${province}`;
}
