import Link from "next/link";
import type { MessageKey, Translate } from "@/lib/i18n";
import { ORDER_STATUSES, type OrderListQuery } from "@/lib/orders-ui/list-query";
import { AutoSubmitForm } from "../inventory/auto-submit-form";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

type Option = { value: string; label: string };

function Select({ name, label, value, all, options, className }: { name: string; label: string; value?: string; all: string; options: Option[]; className?: string }) {
  return (
    <label className={`block text-sm ${className ?? "min-w-40"}`}>
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={field} data-testid={`filter-${name}`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The list's filters as a GET form: a filtered view is a plain link; selects apply as soon as they change. */
export function OrderFilters({
  query,
  channels,
  locations,
  t,
}: {
  query: OrderListQuery;
  channels: { code: string; name: string }[];
  locations: { code: string; name: string; type: string }[];
  t: Translate;
}) {
  const key = JSON.stringify({ ...query, page: 1 });
  return (
    <AutoSubmitForm key={key} action="/orders" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" testId="order-filters">
      <div className="flex flex-wrap items-end gap-3">
        <label className="block w-56 text-sm">
          <span className="font-medium text-slate-700">{t("orders.filter.q")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={64} placeholder={t("orders.filter.qPlaceholder")} className={field} data-testid="filter-q" />
        </label>
        <Select name="channel" label={t("orders.filter.channel")} value={query.channel} all={t("orders.filter.allChannels")}
          options={channels.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))} />
        <Select name="status" label={t("orders.filter.status")} value={query.status} all={t("orders.filter.allStatuses")}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}` as MessageKey) }))} />
        <Select name="shipFrom" label={t("orders.filter.shipFrom")} value={query.shipFrom} all={t("orders.filter.anyLocation")} className="w-64"
          options={locations.map((l) => ({ value: l.code, label: `${l.code} · ${l.name}` }))} />
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("orders.filter.from")}</span>
          <input type="date" name="from" defaultValue={query.from ?? ""} className={field} data-testid="filter-from" />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("orders.filter.to")}</span>
          <input type="date" name="to" defaultValue={query.to ?? ""} className={field} data-testid="filter-to" />
        </label>
        <div className="flex items-center gap-2 pb-0.5">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{t("orders.filter.apply")}</button>
          <Link href="/orders" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">{t("orders.filter.reset")}</Link>
        </div>
      </div>
    </AutoSubmitForm>
  );
}
