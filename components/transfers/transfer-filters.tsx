import Link from "next/link";
import type { MessageKey, Translate } from "@/lib/i18n";
import { TRANSFER_ORIGINS, TRANSFER_STATUSES, type TransferListQuery } from "@/lib/transfers-ui/list-query";
import { AutoSubmitForm } from "../inventory/auto-submit-form";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

function Select({ name, label, value, all, options, className }: { name: string; label: string; value?: string; all: string; options: { value: string; label: string }[]; className?: string }) {
  return (
    <label className={`block text-sm ${className ?? "min-w-40"}`}>
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={field} data-testid={`filter-${name}`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

/** The list's filters as a GET form: a filtered view is a plain link; selects apply as soon as they change. */
export function TransferFilters({ query, locations, t }: { query: TransferListQuery; locations: { code: string; name: string }[]; t: Translate }) {
  const key = JSON.stringify({ ...query, page: 1 });
  const locs = locations.map((l) => ({ value: l.code, label: `${l.code} · ${l.name}` }));
  return (
    <AutoSubmitForm key={key} action="/transfers" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" testId="transfer-filters">
      <div className="flex flex-wrap items-end gap-3">
        <Select name="status" label={t("transfers.filter.status")} value={query.status} all={t("transfers.filter.allStatuses")}
          options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transfers.status.${s}` as MessageKey) }))} />
        <Select name="from" label={t("transfers.filter.from")} value={query.from} all={t("transfers.filter.anyLocation")} className="w-60" options={locs} />
        <Select name="to" label={t("transfers.filter.to")} value={query.to} all={t("transfers.filter.anyLocation")} className="w-60" options={locs} />
        <label className="block w-56 text-sm">
          <span className="font-medium text-slate-700">{t("transfers.filter.sku")}</span>
          <input type="search" name="sku" defaultValue={query.sku ?? ""} maxLength={64} placeholder={t("transfers.filter.skuPlaceholder")} className={field} data-testid="filter-sku" />
        </label>
        <Select name="origin" label={t("transfers.filter.origin")} value={query.origin} all={t("transfers.filter.allOrigins")}
          options={TRANSFER_ORIGINS.map((o) => ({ value: o, label: t(`transfers.origin.${o}` as MessageKey) }))} />
        <div className="flex items-center gap-2 pb-0.5">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{t("transfers.filter.apply")}</button>
          <Link href="/transfers" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">{t("transfers.filter.reset")}</Link>
        </div>
      </div>
    </AutoSubmitForm>
  );
}
