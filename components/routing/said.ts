import type { MessageKey, Translate } from "@/lib/i18n";

/**
 * A message kept in state: a catalog key (translated when shown, so it follows a language switch) or the server's
 * own text (field errors and refusals arrive in English, as everywhere in the console).
 */
export type Said = { key: MessageKey; vars?: Record<string, string | number> } | { text: string };

export function said(t: Translate, m: Said): string {
  return "key" in m ? t(m.key, m.vars) : m.text;
}
