"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  approveAction, cancelAction, closeAction, forceAction, receiveAction, rejectAction, shipAction,
} from "@/app/(console)/transfers/actions";
import type { MessageKey } from "@/lib/i18n";
import { NEEDS_REASON, transferErrorKey, type TransferStep } from "@/lib/transfers-ui/steps";
import { useI18n } from "../i18n-provider";

const BUTTON = {
  primary: "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  danger: "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60",
  plain: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60",
};
const STYLE: Record<TransferStep, keyof typeof BUTTON> = { approve: "primary", ship: "primary", receive: "primary", close: "plain", force: "primary", reject: "danger", cancel: "danger" };
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

/**
 * The steps this viewer may take on one transfer (lib/transfers-ui/steps.ts). Reject, force and cancel ask for a
 * reason; receive asks for the units counted and, when short, what happened. The server checks the scope again.
 */
export function TransferActions({ id, quantity, steps }: { id: string; quantity: number; steps: TransferStep[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [form, setForm] = useState<TransferStep | null>(null);
  const [reason, setReason] = useState("");
  const [received, setReceived] = useState(String(quantity));
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ changed: boolean; status: string } | null>(null);

  function run(step: TransferStep) {
    setError(null);
    const why = reason.trim();
    if (NEEDS_REASON.includes(step) && !why) return setError(t("transfers.actions.reasonRequired"));
    const count = Number(received);
    if (step === "receive") {
      if (!Number.isInteger(count) || count < 0 || count > quantity) return setError(t("transfers.actions.receivedInvalid", { quantity }));
      if (count < quantity && !note.trim()) return setError(t("transfers.actions.noteRequired", { short: quantity - count }));
    }
    start(async () => {
      try {
        const r =
          step === "approve" ? await approveAction({ id })
          : step === "reject" ? await rejectAction({ id, reason: why })
          : step === "force" ? await forceAction({ id, reason: why })
          : step === "ship" ? await shipAction({ id })
          : step === "receive" ? await receiveAction({ id, received: count, note: note.trim() || undefined })
          : step === "close" ? await closeAction({ id })
          : await cancelAction({ id, reason: why });
        if (!r.ok) {
          const key = transferErrorKey(r.error);
          setError(key ? t(key) : r.error);
          return;
        }
        setForm(null);
        setReason("");
        setDone(r.data);
        router.refresh();
      } catch {
        setError(t("transfers.failed"));
      }
    });
  }

  const status = (s: string) => t(`transfers.status.${s}` as MessageKey);
  const back = (
    <button type="button" disabled={pending} className="px-2 py-1.5 text-sm text-slate-600 hover:underline" onClick={() => { setForm(null); setError(null); }}>
      {t("transfers.actions.back")}
    </button>
  );
  return (
    <div className="space-y-3" data-testid="transfer-actions">
      {steps.length === 0 && !done && <p className="text-sm text-slate-500">{t("transfers.actions.none")}</p>}
      {steps.length > 0 && !form && (
        <div className="flex flex-wrap gap-2">
          {steps.map((s) => (
            <button
              key={s}
              type="button"
              disabled={pending}
              className={BUTTON[STYLE[s]]}
              data-step={s}
              onClick={() => (NEEDS_REASON.includes(s) || s === "receive" ? (setForm(s), setError(null)) : run(s))}
            >
              {t(`transfers.step.${s}`)}
            </button>
          ))}
        </div>
      )}
      {form && NEEDS_REASON.includes(form) && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run(form); }} data-testid={`form-${form}`}>
          <label className="block min-w-72 flex-1 text-sm">
            <span className="font-medium text-slate-700">{t(`transfers.actions.reason.${form as "reject" | "force" | "cancel"}`)}</span>
            <input autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t("transfers.actions.reasonPlaceholder")} className={input} data-testid="step-reason" />
          </label>
          <button type="submit" disabled={pending} className={BUTTON[STYLE[form]]} data-testid="step-confirm">
            {pending ? t("transfers.actions.working") : `${t(`transfers.step.${form}`)} · ${t("transfers.actions.confirm")}`}
          </button>
          {back}
        </form>
      )}
      {form === "receive" && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run("receive"); }} data-testid="form-receive">
          <label className="block w-44 text-sm">
            <span className="font-medium text-slate-700">{t("transfers.actions.received", { quantity })}</span>
            <input autoFocus type="number" min={0} max={quantity} step={1} value={received} onChange={(e) => setReceived(e.target.value)} className={input} data-testid="receive-quantity" />
          </label>
          <label className="block min-w-72 flex-1 text-sm">
            <span className="font-medium text-slate-700">{t("transfers.actions.note")}</span>
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder={t("transfers.actions.notePlaceholder")} className={input} data-testid="receive-note" />
          </label>
          <button type="submit" disabled={pending} className={BUTTON.primary} data-testid="step-confirm">
            {pending ? t("transfers.actions.working") : `${t("transfers.step.receive")} · ${t("transfers.actions.confirm")}`}
          </button>
          {back}
        </form>
      )}
      {pending && !form && <p className="text-sm text-slate-500">{t("transfers.actions.working")}</p>}
      {done && (
        <p role="status" className="text-sm text-green-700" data-testid="step-result">
          {t(done.changed ? "transfers.actions.done" : "transfers.actions.unchanged", { status: status(done.status) })}
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
