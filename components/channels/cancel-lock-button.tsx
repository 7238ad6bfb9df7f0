"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelLockAction } from "@/app/(console)/channels/actions";
import { useI18n } from "../i18n-provider";

/** Cancels a scheduled or active lock after a confirmation; its units return to the pool at once. */
export function CancelLockButton({ id, name }: { id: number; name: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        onClick={() => {
          if (!window.confirm(t("lock.confirmCancel", { name }))) return;
          setError(null);
          start(async () => {
            try {
              const r = await cancelLockAction({ id });
              if (!r.ok) setError(r.error);
              else if (!r.data.saved) setError(t(`lock.refused.${r.data.reason === "conflict" ? "not_editable" : r.data.reason}`));
              else router.refresh();
            } catch {
              setError(t("channels.failed"));
            }
          });
        }}
      >
        {pending ? t("lock.cancelling") : t("lock.cancel")}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
