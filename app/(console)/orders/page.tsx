import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OrderFilters } from "@/components/orders/order-filters";
import { OrderPager } from "@/components/orders/pager";
import { ShipmentActions } from "@/components/orders/shipment-actions";
import { CrossStoreBadge, StatusBadge } from "@/components/orders/status-badge";
import { TableHead } from "@/components/table-head";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { formatMoney, formatTime, ORDER_TIME_ZONE } from "@/lib/orders-ui/format";
import { hasBlankParams, isFiltered, orderListHref, parseOrderQuery, placedWindow, type RawParams } from "@/lib/orders-ui/list-query";
import { isCrossStore, nextStep, shipmentSteps } from "@/lib/orders-ui/steps";
import { serverTranslator } from "@/lib/server/i18n";
import { listOrders, orderFilterOptions, storeInbox } from "@/lib/server/orders/queries";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Orders" };

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { scope } = await requireSection("orders");
  const raw = await searchParams;
  const { query, problems } = parseOrderQuery(raw);
  if (hasBlankParams(raw)) redirect(orderListHref(query));

  const [{ t, locale }, page, options, inbox] = await Promise.all([
    serverTranslator(),
    listOrders(scope, query, placedWindow(query, ORDER_TIME_ZONE)),
    orderFilterOptions(),
    storeInbox(scope),
  ]);
  const n = (v: number) => formatNumber(locale, v);
  const store = scope.kind === "location";
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("orders.title")}</h1>
          <p className="text-sm text-slate-500">{store ? t("orders.subtitle.store") : t("orders.subtitle")}</p>
        </div>
        {scope.kind === "network" && (
          <Link href="/orders/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="new-order">
            {t("orders.new")}
          </Link>
        )}
      </div>

      {store && (
        <section className={card} data-testid="store-inbox">
          <div>
            <h2 className="text-lg font-medium">{t("orders.inbox.title", { count: n(inbox.total) })}</h2>
            <p className="text-sm text-slate-500">{t("orders.inbox.hint")}</p>
          </div>
          {inbox.rows.length === 0 ? (
            <p className="py-4 text-center text-sm text-slate-500">{t("orders.inbox.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <TableHead
                  gap={3}
                  columns={[
                    { label: t("orders.col.order") },
                    { label: t("orders.col.channel") },
                    { label: t("orders.inbox.col.next") },
                    { label: t("orders.inbox.col.lines") },
                    { label: t("orders.inbox.col.since") },
                    { key: "actions" },
                  ]}
                />
                <tbody>
                  {inbox.rows.map((r) => {
                    const step = nextStep(r.fulfilment, r.status);
                    return (
                      <tr key={r.shipmentId} className="border-b border-slate-100 align-top last:border-0" data-shipment={r.shipmentId} data-order={r.orderId}>
                        <td className="py-2 pr-3">
                          <Link href={`/orders/${r.orderId}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">{r.orderNo ?? `#${r.orderId}`}</Link>
                        </td>
                        <td className="py-2 pr-3 font-mono text-xs">{r.channel}</td>
                        <td className="py-2 pr-3">
                          {step && <StatusBadge status={r.status} label={t(`orders.inbox.step.${step}`)} />}
                        </td>
                        <td className="py-2 pr-3">
                          {r.lines.map((l) => (
                            <span key={l.sku} className="mr-3 inline-block font-mono text-xs whitespace-nowrap">
                              {l.sku} × {n(l.quantity)}
                            </span>
                          ))}
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap text-slate-500">{formatTime(locale, r.createdAt)}</td>
                        <td className="py-2">
                          <ShipmentActions shipmentId={r.shipmentId} steps={shipmentSteps(scope, r.fulfilment, { locationId: scope.locationId, status: r.status }).filter((s) => s !== "reject")} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {inbox.total > inbox.rows.length && <p className="pt-2 text-xs text-slate-500">{t("orders.inbox.more", { count: n(inbox.total - inbox.rows.length) })}</p>}
            </div>
          )}
        </section>
      )}

      <OrderFilters query={query} channels={options.channels} locations={options.locations} t={t} />

      {problems.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="filter-problems">
          {problems.map((p) => t("orders.badFilter", { param: p.param, value: p.value, message: p.message })).join(" · ")}
        </p>
      )}

      <section className={card}>
        <p className="text-sm text-slate-600" data-testid="order-count">
          {page.rows.length === 0
            ? t(isFiltered(query) ? "orders.list.noneFiltered" : "orders.list.none")
            : t(page.capped ? "orders.list.rangeCapped" : "orders.list.range", { from: n(first), to: n(last), total: n(page.total) })}
        </p>
        {page.rows.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="order-list">
              <TableHead
                gap={3}
                columns={[
                  { label: t("orders.col.order") },
                  { label: t("orders.col.channel") },
                  { label: t("orders.col.placed") },
                  { label: t("orders.col.status") },
                  { label: t("orders.col.fulfilment") },
                  { label: t("orders.col.shipFrom") },
                  { label: t("orders.col.selling") },
                  { label: t("orders.col.units"), align: "right" },
                  { label: t("orders.col.total"), align: "right" },
                ]}
              />
              <tbody>
                {page.rows.map((o) => (
                  <tr key={o.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-order={o.id} data-order-no={o.orderNo ?? ""}>
                    <td className="py-2 pr-3">
                      <Link href={`/orders/${o.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                        {o.orderNo ?? `#${o.id}`}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs" title={o.channelName}>{o.channel}</td>
                    <td className="py-2 pr-3 whitespace-nowrap text-slate-600">{formatTime(locale, o.placedAt)}</td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={o.status} label={t(`orders.status.${o.status}` as MessageKey)} testId="order-status" />
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {t(`orders.fulfilment.${o.fulfilment}` as MessageKey)}
                      {o.pickup && <span className="ml-1 font-mono text-xs text-slate-500">{o.pickup}</span>}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs" data-testid="ship-from">
                      {o.shipFrom.length > 0 ? o.shipFrom.join(", ") : <span className="text-slate-400">—</span>}
                      {o.backOrdered && <span className="ml-1 font-sans text-amber-700">{t("orders.list.plusBackOrder")}</span>}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs whitespace-nowrap">
                      {o.selling ?? <span className="text-slate-400">—</span>}
                      {isCrossStore(o.selling, o.shipFrom) && (
                        <span className="ml-1.5 font-sans">
                          <CrossStoreBadge label={t("orders.crossStore")} />
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(o.units)}</td>
                    <td className="py-2 text-right whitespace-nowrap tabular-nums">{formatMoney(locale, o.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <OrderPager page={page} query={query} t={t} locale={locale} />
      </section>
    </div>
  );
}
