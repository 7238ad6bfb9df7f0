"use client";
import { useTransition } from "react";
import { revokeKey } from "@/app/(console)/settings/actions";
import { useI18n } from "../i18n-provider";

export function RevokeKeyButton({ id, name }: { id: number; name: string }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded px-2 py-1 text-sm text-red-600 hover:bg-red-50 disabled:opacity-50"
      onClick={() => {
        if (window.confirm(t("settings.keys.confirmRevoke", { name }))) start(async () => void (await revokeKey({ id })));
      }}
    >
      {t("settings.keys.revoke")}
    </button>
  );
}
