"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createLockAction, previewLockAction, updateLockAction } from "@/app/(console)/channels/actions";
import { formatInZone } from "@/lib/channels/format";
import type { LockPreviewView, LockRefusalView, LockValues } from "@/lib/channels/views";
import { offsetLabel, zonedToUtc } from "@/lib/channels/zoned-time";
import { formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";
import { CodeField, Field } from "../intake/field";
import { TypePicker } from "../intake/type-picker";
import { ConflictList } from "./conflict-list";
import { PreviewChart } from "./preview-chart";
import { SelectField } from "./select-field";
import { TableHead } from "@/components/table-head";

export type EditorChannel = { id: number; code: string; name: string; active: boolean };

const KINDS = ["RING_FENCE", "CAP"] as const;
const SCOPES = ["SKU", "BRAND", "CATEGORY", "ALL"] as const;
const UNITS = ["UNITS", "PERCENT"] as const;

/**
 * The lock editor: channel, kind, scope, amount and window [start, end) in a chosen zone. Preview shows each channel's
 * ATS before → after; Save creates the lock (or edits it at the version loaded) unless the rules refuse it.
 */
export function LockEditor({
  channels,
  brands,
  categories,
  timeZones,
  initial,
  lock,
}: {
  channels: EditorChannel[];
  brands: { id: number; name: string }[];
  categories: string[];
  timeZones: string[];
  initial: LockValues;
  lock?: { id: number; version: number };
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<LockValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<LockRefusalView | null>(null);
  const [preview, setPreview] = useState<{ view: LockPreviewView; of: string } | null>(null);
  const [previewing, startPreview] = useTransition();
  const [saving, startSave] = useTransition();
  const n = (v: number) => formatNumber(locale, v);

  const set = <K extends keyof LockValues>(field: K) => (value: LockValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
    setGeneral(null);
  };
  const payload = () => (lock ? { ...values, id: lock.id, version: lock.version } : values);

  function failed(r: { error: string; fieldErrors?: Record<string, string> }) {
    setErrors(r.fieldErrors ?? {});
    setGeneral(r.fieldErrors ? t("channels.fix") : r.error);
  }

  function runPreview() {
    setRefusal(null);
    startPreview(async () => {
      try {
        const r = await previewLockAction(payload());
        if (!r.ok) return failed(r);
        setErrors({});
        setGeneral(null);
        setPreview({ view: r.data, of: JSON.stringify(values) });
      } catch {
        setGeneral(t("channels.failed"));
      }
    });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    setRefusal(null);
    startSave(async () => {
      try {
        const r = lock ? await updateLockAction(payload()) : await createLockAction(values);
        if (!r.ok) return failed(r);
        setErrors({});
        setGeneral(null);
        if (r.data.saved) router.replace(`/channels/locks/${r.data.id}?saved=1`);
        else setRefusal(r.data);
      } catch {
        setGeneral(t("channels.failed"));
      }
    });
  }

  const owner = Number(values.channelId);
  const stale = preview !== null && preview.of !== JSON.stringify(values);
  const inUtc = (local: string) => {
    const r = zonedToUtc(local, values.timeZone);
    return r.ok ? t("lock.form.inUtc", { offset: offsetLabel(r.date, values.timeZone), utc: r.date.toISOString().slice(0, 16).replace("T", " ") }) : undefined;
  };
  const busy = previewing || saving;

  return (
    <div className="space-y-6">
      <form onSubmit={save} noValidate className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="lock-editor">
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            label={t("lock.form.channel")}
            name="channelId"
            value={values.channelId}
            onChange={set("channelId")}
            error={errors.channelId}
            disabled={lock !== undefined}
          >
            {channels.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.code} · {c.name}
                {c.active ? "" : ` (${t("channels.inactive")})`}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("lock.form.name")}
            name="name"
            maxLength={80}
            autoComplete="off"
            placeholder={t("lock.form.namePlaceholder")}
            value={values.name}
            onChange={set("name")}
            error={errors.name}
          />
        </div>

        <TypePicker
          legend={t("lock.form.kind")}
          name="kind"
          value={values.kind}
          onChange={set("kind")}
          options={KINDS.map((k) => ({ value: k, label: t(`lock.kind.${k}`), hint: t(`lock.kindHint.${k}`) }))}
          testId="lock-kind"
        />

        <div className="space-y-3">
          <TypePicker
            legend={t("lock.form.scope")}
            name="scopeKind"
            value={values.scopeKind}
            onChange={set("scopeKind")}
            options={SCOPES.map((s) => ({ value: s, label: t(`lock.form.scopeKind.${s}`) }))}
            testId="lock-scope"
          />
          {errors.scopeKind && <p className="text-xs font-medium text-red-600">{errors.scopeKind}</p>}
          <div className="grid gap-4 md:grid-cols-2">
            {values.scopeKind === "SKU" && (
              <CodeField
                label={t("lock.form.skuCode")}
                name="skuCode"
                value={values.skuCode}
                onChange={set("skuCode")}
                error={errors.skuCode}
              />
            )}
            {values.scopeKind === "BRAND" && (
              <SelectField label={t("lock.form.brand")} name="brandId" value={values.brandId} onChange={set("brandId")} error={errors.brandId}>
                <option value="">{t("lock.form.chooseBrand")}</option>
                {brands.map((b) => (
                  <option key={b.id} value={String(b.id)}>
                    {b.name}
                  </option>
                ))}
              </SelectField>
            )}
            {values.scopeKind === "CATEGORY" && (
              <SelectField label={t("lock.form.category")} name="category" value={values.category} onChange={set("category")} error={errors.category}>
                <option value="">{t("lock.form.chooseCategory")}</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectField>
            )}
            {(values.scopeKind === "CATEGORY" || values.scopeKind === "ALL") && (
              <CodeField
                label={t("lock.form.previewSku")}
                hint={t("lock.form.previewSkuHint")}
                name="previewSku"
                value={values.previewSku}
                onChange={set("previewSku")}
                error={errors.previewSku}
              />
            )}
          </div>
        </div>

        <div className="grid gap-4 md:grid-cols-3">
          <Field
            label={t("lock.form.amount")}
            hint={t(`lock.form.amountHint.${values.unit}`)}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={values.amount}
            onChange={set("amount")}
            error={errors.amount}
          />
          <SelectField label={t("lock.form.unit")} name="unit" value={values.unit} onChange={(v) => set("unit")(v as LockValues["unit"])} error={errors.unit}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`lock.form.unit.${u}`)}
              </option>
            ))}
          </SelectField>
        </div>

        <div className="grid gap-4 md:grid-cols-3">
          <Field
            label={t("lock.form.startsAt")}
            type="datetime-local"
            name="startsAt"
            value={values.startsAt}
            onChange={set("startsAt")}
            error={errors.startsAt}
            hint={inUtc(values.startsAt)}
          />
          <Field
            label={t("lock.form.endsAt")}
            type="datetime-local"
            name="endsAt"
            value={values.endsAt}
            onChange={set("endsAt")}
            error={errors.endsAt}
            hint={inUtc(values.endsAt)}
          />
          <SelectField label={t("lock.form.timeZone")} name="timeZone" value={values.timeZone} onChange={set("timeZone")} error={errors.timeZone}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <button
            type="button"
            onClick={runPreview}
            disabled={busy}
            className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          >
            {previewing ? t("lock.form.previewing") : t("lock.form.preview")}
          </button>
          <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {saving ? t("lock.form.saving") : lock ? t("lock.form.save") : t("lock.form.create")}
          </button>
          {general && (
            <p role="alert" className="text-sm text-red-600" data-testid="lock-error">
              {general}
            </p>
          )}
        </div>
      </form>

      {refusal?.reason === "conflict" && <ConflictList conflicts={refusal.conflicts} more={refusal.more} timeZone={values.timeZone} selfId={lock?.id} />}
      {refusal && refusal.reason !== "conflict" && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="lock-refused">
          <p>{t(`lock.refused.${refusal.reason}`)}</p>
          {refusal.reason === "stale" && (
            <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100">
              {t("lock.reload")}
            </button>
          )}
        </div>
      )}

      {preview && (
        <section
          className={`space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${stale ? "opacity-60" : ""}`}
          aria-live="polite"
          data-testid="lock-preview"
          data-stale={stale ? "true" : "false"}
        >
          <div>
            <h2 className="text-lg font-medium">{t("lock.preview.title")}</h2>
            <p className="text-sm text-slate-500">
              {t("lock.preview.at", { time: formatInZone(preview.view.at, values.timeZone, locale), zone: values.timeZone })} ·{" "}
              {preview.view.selection.kind === "SKU"
                ? t("channels.ats.forSku", { code: preview.view.selection.code, pool: n(preview.view.poolAtp) })
                : t("channels.ats.forBrand", { name: preview.view.selection.name, pool: n(preview.view.poolAtp), skus: n(preview.view.skus) })}
            </p>
            {stale && <p className="mt-1 text-sm font-medium text-amber-700">{t("lock.preview.stale")}</p>}
          </div>
          {preview.view.rows.length === 0 ? (
            <p className="text-sm text-slate-500">{t("lock.preview.empty")}</p>
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              <table className="w-full text-sm" data-testid="preview-table">
                <TableHead
                  gap={3}
                  columns={[
                    { label: t("lock.preview.col.channel") },
                    { label: t("lock.preview.col.before"), align: "right" },
                    { label: t("lock.preview.col.after"), align: "right" },
                    { label: t("lock.preview.col.change"), align: "right" },
                  ]}
                />
                <tbody>
                  {preview.view.rows.map((r) => {
                    const change = r.after - r.before;
                    return (
                      <tr key={r.channelId} className="border-b border-slate-100 last:border-0" data-channel={r.code}>
                        <td className="py-2 pr-3">
                          <span className="font-mono text-xs">{r.code}</span> <span className="text-slate-600">{r.name}</span>
                          {r.channelId === owner && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t("lock.preview.owner")}</span>}
                        </td>
                        <td className="py-2 pr-3 text-right tabular-nums" data-testid="before">{n(r.before)}</td>
                        <td className="py-2 pr-3 text-right font-medium tabular-nums" data-testid="after">{n(r.after)}</td>
                        <td
                          className={`py-2 text-right tabular-nums ${change < 0 ? "text-red-600" : change > 0 ? "text-green-700" : "text-slate-400"}`}
                          data-testid="change"
                        >
                          {change > 0 ? "+" : change < 0 ? "−" : ""}
                          {n(Math.abs(change))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <PreviewChart rows={preview.view.rows} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
