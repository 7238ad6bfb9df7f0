import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, translator, type Locale } from "@/lib/i18n";

/** The visitor's language: their explicit choice (cookie), else their browser's. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export async function serverTranslator() {
  const locale = await currentLocale();
  return { locale, t: translator(locale) };
}
