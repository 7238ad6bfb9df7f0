"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { pickedUpAction, readyAction, rejectAction, shipAction, type StepOutcome } from "@/app/(console)/orders/actions";
import type { ShipmentStep } from "@/lib/orders-ui/steps";
import { stepErrorKey } from "@/lib/orders-ui/steps";
import { useI18n } from "../i18n-provider";

const BUTTON = {
  primary: "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  danger: "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60",
};

/**
 * The steps a viewer may take on one shipment (lib/orders-ui/steps.ts): ship, mark ready, mark picked up, or
 * reject with a reason, after which the result of the re-route is shown. The server checks the scope again.
 */
export function ShipmentActions({ shipmentId, steps }: { shipmentId: string; steps: ShipmentStep[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The outcome, not its text: a language switch re-renders it in the new language.
  const [done, setDone] = useState<{ step: ShipmentStep; outcome: StepOutcome } | null>(null);

  function run(step: ShipmentStep) {
    setError(null);
    if (step === "reject" && !reason.trim()) {
      setError(t("orders.actions.reasonRequired"));
      return;
    }
    start(async () => {
      try {
        const r =
          step === "ship" ? await shipAction({ shipmentId })
          : step === "ready" ? await readyAction({ shipmentId })
          : step === "pickedUp" ? await pickedUpAction({ shipmentId })
          : await rejectAction({ shipmentId, reason: reason.trim() });
        if (!r.ok) {
          const key = stepErrorKey(r.error);
          setError(r.fieldErrors?.reason ? t("orders.actions.reasonRequired") : key ? t(key) : r.error);
          return;
        }
        setRejecting(false);
        setDone({ step, outcome: r.data });
        router.refresh();
      } catch {
        setError(t("orders.failed"));
      }
    });
  }

  function outcomeText(step: ShipmentStep, o: StepOutcome): string {
    if (step !== "reject") return t(`orders.actions.done.${step}`);
    if (o.cancelled) return t("orders.actions.done.rejectCancelled");
    const parts = [];
    if (o.reroutedTo && o.reroutedTo.length > 0) parts.push(t("orders.actions.done.rerouted", { codes: o.reroutedTo.join(", ") }));
    if (o.backOrdered) parts.push(t("orders.actions.done.backOrdered", { units: o.backOrdered }));
    return parts.length > 0 ? parts.join(" ") : t("orders.actions.done.reject");
  }

  if (steps.length === 0 && !done && !error) return null;
  return (
    <div className="space-y-2" data-testid={`shipment-actions-${shipmentId}`}>
      {steps.length > 0 && !rejecting && (
        <div className="flex flex-wrap gap-2">
          {steps.filter((s) => s !== "reject").map((s) => (
            <button key={s} type="button" disabled={pending} className={BUTTON.primary} onClick={() => run(s)}>
              {t(`orders.actions.${s}`)}
            </button>
          ))}
          {steps.includes("reject") && (
            <button type="button" disabled={pending} className={BUTTON.danger} onClick={() => { setRejecting(true); setError(null); }}>
              {t("orders.actions.reject")}
            </button>
          )}
        </div>
      )}
      {rejecting && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run("reject");
          }}
        >
          <label className="block min-w-64 flex-1 text-sm">
            <span className="font-medium text-slate-700">{t("orders.actions.rejectReason")}</span>
            <input
              autoFocus
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t("orders.actions.rejectPlaceholder")}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            />
          </label>
          <button type="submit" disabled={pending} className={BUTTON.danger}>
            {pending ? t("orders.actions.working") : t("orders.actions.confirmReject")}
          </button>
          <button type="button" disabled={pending} className="px-2 py-1.5 text-sm text-slate-600 hover:underline" onClick={() => setRejecting(false)}>
            {t("orders.actions.back")}
          </button>
        </form>
      )}
      {pending && !rejecting && <p className="text-sm text-slate-500">{t("orders.actions.working")}</p>}
      {done && (
        <p role="status" className="text-sm text-green-700" data-testid="step-result">
          {outcomeText(done.step, done.outcome)}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
