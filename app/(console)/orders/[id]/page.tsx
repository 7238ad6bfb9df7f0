import type { Metadata } from "next";
import { DetailHeader } from "@/components/detail-header";
import { notFound } from "next/navigation";
import { CancelOrder } from "@/components/orders/cancel-order";
import { LedgerTrail, OrderEvents } from "@/components/orders/order-history";
import { OrderLinesTable } from "@/components/orders/order-lines-table";
import { ShipmentActions } from "@/components/orders/shipment-actions";
import { CrossStoreBadge, StatusBadge } from "@/components/orders/status-badge";
import { RoutingExplanation } from "@/components/routing/explanation";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { formatMoney, formatTime } from "@/lib/orders-ui/format";
import { placeName } from "@/lib/orders-ui/places";
import { canCancel, isCrossStore, shipmentSteps } from "@/lib/orders-ui/steps";
import { serverTranslator } from "@/lib/server/i18n";
import { orderDetail, orderLedgerTrail } from "@/lib/server/orders/queries";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Order" };

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireSection("orders");
  const { id: raw } = await params;
  if (!/^\d{1,18}$/.test(raw)) notFound();
  // Another store's order reads as absent: 404, not "forbidden".
  const order = await orderDetail(scope, BigInt(raw));
  if (!order) notFound();
  const [{ t, locale }, ledger] = await Promise.all([serverTranslator(), orderLedgerTrail(scope, order)]);
  const n = (v: number) => formatNumber(locale, v);
  const label = order.orderNo ?? `#${order.id}`;
  const cross = isCrossStore(order.selling?.code ?? null, order.fulfilling);
  const backOrderedUnits = order.backOrdered.reduce((s, l) => s + l.quantity, 0);
  const rejections = new Map(order.events.filter((e) => e.action === "REJECTED").map((e) => [e.location, e]));

  return (
    <div className="space-y-6">
      <DetailHeader
        crumb={{ label: t("orders.breadcrumb"), href: "/orders", parent: t("orders.title"), current: label }}
        title={t("orders.detail.title", { no: label })}
        testId="order-title"
        badges={<StatusBadge status={order.status} label={t(`orders.status.${order.status}` as MessageKey)} testId="order-status" />}
        facts={<>
          <span>
            <span className="font-mono text-xs">{order.channel.code}</span> {order.channel.name}
          </span>
          <span>{t("orders.detail.placed", { time: formatTime(locale, order.placedAt) })}</span>
          {order.placedBy && <span>{t("orders.detail.placedBy", { actor: order.placedBy })}</span>}
          <span data-testid="order-fulfilment">
            {order.pickup ? t("orders.detail.pickupAt", { code: order.pickup.code }) : t(`orders.fulfilment.${order.fulfilment}` as MessageKey)}
          </span>
          <span>{t("orders.detail.destination", { place: placeName(locale, order.destination.city, order.destination.province) })}</span>
          <span>{order.units === 1 ? t("orders.detail.units.one") : t("orders.detail.units.other", { units: n(order.units) })}</span>
          <span className="font-medium text-slate-800">{formatMoney(locale, order.totalCents)}</span>
        </>}
      />

      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-[1fr_2fr_auto]" data-testid="attribution">
        <div>
          <p className="text-xs tracking-wide text-slate-500 uppercase">{t("orders.detail.selling")}</p>
          {order.selling ? (
            <p className="mt-1" data-testid="selling-store">
              <span className="font-mono text-sm font-medium">{order.selling.code}</span> <span className="text-slate-600">{order.selling.name}</span>
            </p>
          ) : (
            <p className="mt-1 text-slate-500">{t("orders.detail.noSelling")}</p>
          )}
        </div>
        <div>
          <p className="text-xs tracking-wide text-slate-500 uppercase">{t("orders.detail.fulfilling")}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono text-sm font-medium" data-testid="fulfilling">
              {order.fulfilling.length > 0 ? order.fulfilling.join(", ") : <span className="font-sans font-normal text-slate-500">{t("orders.detail.noFulfilling")}</span>}
            </span>
            {cross && <CrossStoreBadge label={t("orders.crossStore")} />}
          </p>
          {cross && <p className="mt-1 text-xs text-slate-500">{t("orders.detail.crossHint", { code: order.selling!.code })}</p>}
        </div>
        <div className="flex items-start sm:justify-end">
          {canCancel(scope, { status: order.status, shipments: order.shipments, backOrderedUnits }) && <CancelOrder orderId={order.id} />}
        </div>
      </section>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("orders.detail.shipments", { count: n(order.shipments.length) })}</h2>
        {order.shipments.length === 0 && order.historyLines.length === 0 && <p className="text-sm text-slate-500">{t("orders.detail.noShipments")}</p>}
        {order.shipments.map((s) => {
          const rejection = s.status === "REJECTED" ? rejections.get(s.location.code) : undefined;
          return (
            <article key={s.id} className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="shipment" data-location={s.location.code} data-status={s.status}>
              <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono text-sm font-semibold">{s.location.code}</span>
                <span className="text-slate-600">{s.location.name}</span>
                {s.location.type && <span className="text-xs text-slate-500">{t(`locationType.${s.location.type}` as MessageKey)}</span>}
                <StatusBadge status={s.status} label={t(`orders.shipment.${s.status}` as MessageKey)} testId="shipment-status" />
                <span className="ml-auto text-xs text-slate-500 tabular-nums">
                  {order.fulfilment === "PICKUP"
                    ? t("orders.detail.pickupKm", { km: formatNumber(locale, s.km, 1) })
                    : t("orders.detail.shipKm", { km: formatNumber(locale, s.km, 1), cost: formatMoney(locale, s.costCents) })}
                </span>
              </header>
              {s.lines.length > 0 && <OrderLinesTable lines={s.lines} t={t} locale={locale} />}
              {s.status === "REJECTED" && (
                <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="rejection">
                  {t("orders.detail.rejected", { reason: s.rejectedReason ?? "—" })}
                  {s.lines.length === 0 && rejection?.lines && rejection.lines.length > 0 && (
                    <span className="ml-1">{t("orders.events.lines", { lines: rejection.lines.map((l) => `${l.sku} × ${n(l.quantity)}`).join(", ") })}</span>
                  )}
                  {rejection?.reroutedTo && (
                    <span className="ml-1">
                      {rejection.reroutedTo.length > 0 ? t("orders.events.rerouted", { codes: rejection.reroutedTo.join(", ") }) : t("orders.events.notRerouted")}
                    </span>
                  )}
                </p>
              )}
              <ShipmentActions shipmentId={s.id} steps={shipmentSteps(scope, order.fulfilment, { locationId: s.location.id, status: s.status })} />
            </article>
          );
        })}
        {order.historyLines.length > 0 && (
          <div className="space-y-2">
            <p className="text-sm text-slate-500">{t("orders.detail.history")}</p>
            <OrderLinesTable lines={order.historyLines} t={t} locale={locale} location testId="history-lines" />
          </div>
        )}
      </section>

      {order.backOrdered.length > 0 && (
        <section className="space-y-3 rounded-xl border border-amber-200 bg-amber-50/40 p-5 shadow-sm" data-testid="back-ordered">
          <div>
            <h2 className="text-lg font-medium">{t("orders.detail.backOrdered", { units: n(backOrderedUnits) })}</h2>
            <p className="text-sm text-slate-600">{t("orders.detail.backOrderedHint")}</p>
          </div>
          <OrderLinesTable lines={order.backOrdered} t={t} locale={locale} price={false} rowBorder="border-amber-100" />
        </section>
      )}

      <section className={card}>
        <h2 className="text-lg font-medium">{t("orders.detail.routing")}</h2>
        {order.routing?.rerouteOf && <p className="text-sm text-slate-600">{t("orders.detail.rerouteNote")}</p>}
        {order.routing && order.routing.attempts !== undefined && order.routing.attempts > 1 && (
          <p className="text-sm text-slate-600">{t("orders.detail.attempts", { count: order.routing.attempts })}</p>
        )}
        {order.routing?.explanation ? (
          <RoutingExplanation explanation={order.routing.explanation} strategy={{ code: order.routing.strategy, versionId: order.routing.versionId }} />
        ) : (
          <p className="text-sm text-slate-500">{order.routing ? t("orders.detail.noExplanation") : t("orders.detail.noRouting")}</p>
        )}
      </section>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("orders.events.title")}</h2>
        <OrderEvents events={order.events} t={t} locale={locale} />
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("orders.ledger.title")}</h2>
          <p className="text-sm text-slate-500">{scope.kind === "location" ? t("orders.ledger.hintStore") : t("orders.ledger.hint")}</p>
        </div>
        <LedgerTrail rows={ledger} t={t} locale={locale} />
      </section>
    </div>
  );
}
