"use client";
import { useI18n } from "@/components/i18n-provider";
import type { MessageKey } from "@/lib/i18n";
import { problemKey, type Problem } from "@/lib/intake/problems";

/** A problem's reason in the reader's language. */
export function useProblemText() {
  const { t } = useI18n();
  return (p: Problem) => t(problemKey(p.code) as MessageKey, { value: p.value, ...p.vars });
}
