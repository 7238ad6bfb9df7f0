"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { formatNumber } from "@/lib/i18n";
import type { Problem } from "@/lib/intake/problems";
import { adjustFormSchema, INTAKE_TYPES, issuesToProblems, quantityProblem, targetOnHand, type IntakeType } from "@/lib/intake/schema";
import type { AdjustChange, AdjustResponse, LookupResponse } from "@/lib/intake/results";
import { CodeField, Field } from "./field";
import { TypePicker } from "./type-picker";
import { useProblemText } from "./use-problem-text";

type Values = { type: IntakeType; location: string; sku: string; quantity: string; reason: string; reference: string; receivedAt: string; expiresOn: string };
const EMPTY: Values = { type: "RECEIVE", location: "", sku: "", quantity: "", reason: "", reference: "", receivedAt: "", expiresOn: "" };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export type AdjustActions = {
  adjust: (input: Values) => Promise<AdjustResponse>;
  lookup: (codes: { location: string; sku: string }) => Promise<LookupResponse>;
};

/** The HQ form for one receipt, adjustment, count or return. Server actions come in as props (see the page). */
export function AdjustForm({ locations, actions }: { locations: { code: string; name: string }[]; actions: AdjustActions }) {
  const { t, locale } = useI18n();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [result, setResult] = useState<AdjustChange | null>(null);
  const skuRef = useRef<HTMLInputElement>(null);
  const n = (v: number) => formatNumber(locale, v);

  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((ps) => ps.filter((p) => p.field !== field));
  };

  // Today's stock for the typed codes, so the person sees what the change will do before saving.
  const codes = useDebounced({ location: values.location.trim(), sku: values.sku.trim() }, 250);
  const lookup = useQuery({
    queryKey: ["intake-stock", codes.location, codes.sku],
    queryFn: () => actions.lookup(codes),
    enabled: codes.location !== "" && codes.sku !== "",
    staleTime: 0,
  });
  const stock = lookup.data?.ok ? lookup.data.stock : null;
  const known = stock?.location && stock?.sku;
  const quantityOk = quantityProblem(values.type, values.quantity) === null;

  const save = useMutation({
    mutationFn: (input: Values) => actions.adjust(input),
    onSuccess: (res) => {
      if (!res.ok) {
        setProblems(res.problems);
        return;
      }
      setResult(res.change);
      setProblems([]);
      // Ready for the next line of the same delivery: keep type, location, reason and reference.
      setValues((v) => ({ ...v, sku: "", quantity: "" }));
      void queryClient.invalidateQueries({ queryKey: ["intake-stock"] });
      skuRef.current?.focus();
    },
    onError: () => setProblems([{ row: 0, field: "_", value: "", code: "failed" }]),
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // The server checks again; this only spares a round trip for what is visibly wrong.
    const local = adjustFormSchema(new Date()).safeParse(values);
    if (!local.success) {
      setProblems(issuesToProblems(0, local.error.issues, values));
      setResult(null);
      return;
    }
    setResult(null);
    save.mutate(values);
  }

  const errorOf = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? problemText(p) : undefined;
  };
  const general = problems.filter((p) => !(p.field in values));
  const isReceipt = values.type === "RECEIVE";

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="adjust-form" aria-describedby="intake-keyboard-hint">
      <TypePicker
        legend={t("intake.form.type")}
        name="type"
        value={values.type}
        onChange={(type) => {
          setValues((v) => ({ ...v, type, ...(type === "RECEIVE" ? {} : { receivedAt: "", expiresOn: "" }) }));
          setProblems([]);
        }}
        options={INTAKE_TYPES.map((type) => ({ value: type, label: t(`intake.type.${type}`), hint: t(`intake.typeHint.${type}`) }))}
        testId="adjust-type"
      />

      <div className="grid gap-4 md:grid-cols-2">
        <CodeField
          label={t("intake.form.location")}
          hint={t("intake.form.locationHint")}
          name="location"
          list="intake-locations"
          value={values.location}
          onChange={set("location")}
          error={errorOf("location")}
          autoFocus
        />
        <datalist id="intake-locations">
          {locations.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </datalist>
        <CodeField
          label={t("intake.form.sku")}
          name="sku"
          value={values.sku}
          onChange={set("sku")}
          error={errorOf("sku")}
          inputRef={skuRef}
        />
      </div>

      <div aria-live="polite" className="min-h-10 text-sm" data-testid="current-stock">
        {lookup.isFetching && !stock ? (
          <p className="px-3 py-2 text-slate-500">{t("intake.current.loading")}</p>
        ) : stock && known ? (
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-lg bg-slate-100 px-3 py-2">
            <span className="font-medium">{t("intake.current.names", { location: stock.location!.name, sku: stock.sku!.name })}</span>
            <span className="text-slate-600">{t("intake.current.stock", { onHand: n(stock.onHand), reserved: n(stock.reserved) })}</span>
            {quantityOk && (
              <span className="font-medium text-brand-700" data-testid="current-preview">
                {t("intake.current.preview", {
                  before: n(stock.onHand),
                  after: n(targetOnHand(values.type, stock.onHand, Number(values.quantity.trim()))),
                })}
              </span>
            )}
          </div>
        ) : stock ? (
          <p className="px-3 py-2 text-amber-700">
            {[!stock.location && t("intake.problem.unknownLocation"), !stock.sku && t("intake.problem.unknownSku")]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : (
          <p className="px-3 py-2 text-slate-400">{t("intake.current.empty")}</p>
        )}
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t(`intake.form.quantity.${values.type}`)}
          name="quantity"
          inputMode="numeric"
          autoComplete="off"
          value={values.quantity}
          onChange={set("quantity")}
          error={errorOf("quantity")}
        />
        <Field
          label={t("intake.form.reason")}
          hint={t("intake.form.reasonHint")}
          name="reason"
          maxLength={500}
          value={values.reason}
          onChange={set("reason")}
          error={errorOf("reason")}
        />
        <Field
          label={t("intake.form.reference")}
          hint={t("intake.form.referenceHint")}
          name="reference"
          maxLength={200}
          value={values.reference}
          onChange={set("reference")}
          error={errorOf("reference")}
        />
      </div>

      {isReceipt && (
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("intake.form.lot")}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              label={t("intake.form.receivedAt")}
              hint={t("intake.form.receivedAtHint")}
              name="receivedAt"
              type="date"
              value={values.receivedAt}
              onChange={set("receivedAt")}
              error={errorOf("receivedAt")}
            />
            <Field
              label={t("intake.form.expiresOn")}
              name="expiresOn"
              type="date"
              value={values.expiresOn}
              onChange={set("expiresOn")}
              error={errorOf("expiresOn")}
            />
          </div>
        </fieldset>
      )}

      {problems.length > 0 && (
        <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="status" data-testid="adjust-error">
          {general.length > 0 ? general.map((p) => <p key={p.code}>{problemText(p)}</p>) : t("intake.form.fix")}
        </div>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-100 focus-visible:outline-none disabled:opacity-60"
        >
          {save.isPending ? t("intake.form.submitting") : t(`intake.form.submit.${values.type}`)}
        </button>
        <p id="intake-keyboard-hint" className="text-xs text-slate-500">
          {t("intake.form.keyboard")}
        </p>
      </div>

      {result && (
        <div className="rounded-xl border border-emerald-200 bg-emerald-50 p-4" role="status" data-testid="intake-result">
          <p className="font-medium text-emerald-800">{t("intake.result.title", { type: t(`intake.type.${result.type}`) })}</p>
          <p className="text-sm text-emerald-900">
            {t("intake.result.change", { sku: `${result.sku.code} ${result.sku.name}`, location: `${result.location.code} ${result.location.name}` })}
          </p>
          <p className="mt-2 text-2xl font-semibold text-emerald-900">
            <span className="mr-2 text-sm font-normal text-emerald-800">{t("intake.result.onHand")}</span>
            <span data-testid="result-before">{n(result.onHandBefore)}</span> →{" "}
            <span data-testid="result-after">{n(result.onHandAfter)}</span>
          </p>
        </div>
      )}
    </form>
  );
}
