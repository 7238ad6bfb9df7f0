"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createManualAction } from "@/app/(console)/transfers/actions";
import { useI18n } from "../i18n-provider";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-red-400";

/** HQ proposes a transfer by hand (SKU code, from, to, units); it then opens the new transfer's page. */
export function ManualTransfer({ locations }: { locations: { code: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ sku: "", from: "", to: "", quantity: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="new-transfer">
        {t("transfers.manual.open")}
      </button>
    );
  }
  const msg = (v: string) => (v === "unknown" ? t("transfers.manual.unknown") : v === "same" ? t("transfers.manual.same") : v === "required" ? t("transfers.manual.required") : t("transfers.manual.invalid"));
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const err = (name: string) => (errors[name] ? <span className="mt-1 block text-xs text-red-600">{msg(errors[name])}</span> : null);

  return (
    <form
      className="basis-full space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="manual-transfer"
      onSubmit={(e) => {
        e.preventDefault();
        const quantity = Number(form.quantity);
        const local: Record<string, string> = {};
        if (!form.sku.trim()) local.sku = "required";
        if (!form.from) local.from = "required";
        if (!form.to) local.to = "required";
        if (!Number.isInteger(quantity) || quantity < 1) local.quantity = "invalid";
        setErrors(local);
        setError(null);
        if (Object.keys(local).length > 0) return;
        start(async () => {
          try {
            const r = await createManualAction({ sku: form.sku.trim(), from: form.from, to: form.to, quantity });
            if (r.ok) router.push(`/transfers/${r.data.id}`);
            else if (r.fieldErrors) setErrors(r.fieldErrors);
            else setError(r.error === "not_allowed" ? t("transfers.error.not_allowed") : r.error);
          } catch {
            setError(t("transfers.failed"));
          }
        });
      }}
    >
      <div>
        <h2 className="text-lg font-medium">{t("transfers.manual.title")}</h2>
        <p className="text-sm text-slate-500">{t("transfers.manual.hint")}</p>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <label className="block w-64 text-sm">
          <span className="font-medium text-slate-700">{t("transfers.manual.sku")}</span>
          <input name="sku" value={form.sku} onChange={set("sku")} maxLength={64} className={`${field} font-mono`} aria-invalid={Boolean(errors.sku)} data-testid="manual-sku" />
          {err("sku")}
        </label>
        {(["from", "to"] as const).map((k) => (
          <label key={k} className="block w-64 text-sm">
            <span className="font-medium text-slate-700">{t(`transfers.manual.${k}`)}</span>
            <select name={k} value={form[k]} onChange={set(k)} className={field} aria-invalid={Boolean(errors[k])} data-testid={`manual-${k}`}>
              <option value="">{t("transfers.manual.pick")}</option>
              {locations.map((l) => (
                <option key={l.code} value={l.code}>{`${l.code} · ${l.name}`}</option>
              ))}
            </select>
            {err(k)}
          </label>
        ))}
        <label className="block w-28 text-sm">
          <span className="font-medium text-slate-700">{t("transfers.manual.quantity")}</span>
          <input name="quantity" type="number" min={1} step={1} value={form.quantity} onChange={set("quantity")} className={field} aria-invalid={Boolean(errors.quantity)} data-testid="manual-quantity" />
          {err("quantity")}
        </label>
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="manual-submit">
          {pending ? t("transfers.actions.working") : t("transfers.manual.submit")}
        </button>
        <button type="button" disabled={pending} onClick={() => setOpen(false)} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">{t("transfers.manual.close")}</button>
      </div>
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </form>
  );
}
