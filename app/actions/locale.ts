"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n";

export async function setLocale(locale: string): Promise<{ ok: boolean; error?: string }> {
  if (!isLocale(locale)) return { ok: false, error: `locale: "${locale}" is not one of en, zh-CN` };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return { ok: true };
}
