"use client";
import Link from "next/link";
import { useI18n } from "../i18n-provider";

/** Shown only without JavaScript, where a streamed page never replaces its loading state. */
export function NoScriptNote() {
  const { t } = useI18n();
  return (
    <noscript>
      <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
        {t("inventory.noScript")}{" "}
        <Link href="/inventory/plain" className="font-medium underline" data-testid="plain-link">
          {t("inventory.noScriptLink")}
        </Link>
      </p>
    </noscript>
  );
}
