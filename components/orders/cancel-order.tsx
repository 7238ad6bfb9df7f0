"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelOrderAction } from "@/app/(console)/orders/actions";
import { stepErrorKey } from "@/lib/orders-ui/steps";
import { useI18n } from "../i18n-provider";

/** HQ cancels an order nothing has left of yet, with a reason: reservations are released. */
export function CancelOrder({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (!open) {
    return (
      <button type="button" className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50" onClick={() => setOpen(true)}>
        {t("orders.cancel.open")}
      </button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="cancel-order"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError(t("orders.actions.reasonRequired"));
          return;
        }
        setError(null);
        start(async () => {
          try {
            const r = await cancelOrderAction({ orderId, reason: reason.trim() });
            const key = r.ok ? null : stepErrorKey(r.error);
            if (!r.ok) setError(key ? t(key) : r.error);
            else {
              setOpen(false);
              router.refresh();
            }
          } catch {
            setError(t("orders.failed"));
          }
        });
      }}
    >
      <label className="block min-w-64 text-sm">
        <span className="font-medium text-slate-700">{t("orders.cancel.reason")}</span>
        <input
          autoFocus
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("orders.cancel.placeholder")}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60">
        {pending ? t("orders.actions.working") : t("orders.cancel.confirm")}
      </button>
      <button type="button" disabled={pending} className="px-2 py-1.5 text-sm text-slate-600 hover:underline" onClick={() => setOpen(false)}>
        {t("orders.actions.back")}
      </button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
