import type { Metadata } from "next";
import { DetailHeader } from "@/components/inventory/detail-header";
import { notFound } from "next/navigation";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { LocationStockChart, type LocationBar } from "@/components/inventory/location-stock-chart";
import { LedgerTable, LocationStockTable, LotsTable, ReservationsTable } from "@/components/inventory/sku-tables";
import { parseCodeParam } from "@/lib/inventory/grid-query";
import { formatNumber } from "@/lib/i18n";
import { serverTranslator } from "@/lib/server/i18n";
import { getSkuDetail, LEDGER_LIMIT, LOT_LIMIT } from "@/lib/server/inventory/sku";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "SKU" };

/** Locations in the chart; the table below lists all of them. */
const CHART_LOCATIONS = 25;

export default async function SkuPage({ params }: { params: Promise<{ code: string }> }) {
  const { scope } = await requireSection("inventory");
  const code = parseCodeParam((await params).code);
  if (!code) notFound();
  const [{ t, locale }, data] = await Promise.all([serverTranslator(), getSkuDetail(scope, code)]);
  if (!data) notFound();

  const num = (v: number) => formatNumber(locale, v);
  const { sku, totals } = data;
  const networkView = data.view === "network-atp";
  const holding = data.byLocation.filter((r) => r.atp > 0 || (r.onHand ?? 0) > 0);
  const charted = holding.slice(0, CHART_LOCATIONS);
  // A store manager always finds their own store in the chart, even when it is not among the top.
  const own = data.byLocation.find((r) => r.locationId === data.ownLocationId);
  if (own && !charted.includes(own)) charted.push(own);
  const bars: LocationBar[] = charted.map((r) => ({
    code: r.code,
    name: r.name,
    atp: r.atp,
    reserved: networkView ? 0 : (r.reserved ?? 0),
    held: networkView ? 0 : Math.max(0, (r.onHand ?? 0) - (r.reserved ?? 0) - r.atp),
  }));
  const canOpen = (id: number) => scope.kind !== "location" || id === scope.locationId;
  const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

  return (
    <div className="space-y-6">
      <div>
        <DetailHeader gridLabel={t("inventory.title")} breadcrumbLabel={t("inventory.breadcrumb")} code={sku.code} title={sku.name} testIdPrefix="sku">
          <span data-testid="sku-brand">{sku.brandName}</span>
          <span>{sku.category}</span>
          <span>{t("inventory.sku.variant", { color: sku.color, size: sku.size })}</span>
          <span>{t("inventory.sku.price", { price: formatNumber(locale, sku.priceCents / 100, 2) })}</span>
        </DetailHeader>
      </div>

      {networkView && (
        <p className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-700" data-testid="network-view-note">
          {t("inventory.sku.networkViewNote")}
        </p>
      )}

      <section className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        {networkView ? (
          <>
            <KpiCard testId="kpi-pool-atp" label={t("inventory.kpi.poolAtp")} value={num(data.poolAtp)} hint={t("inventory.kpi.poolAtpHint")} />
            <KpiCard testId="kpi-on-hand" label={t("inventory.kpi.ownOnHand")} value={num(totals.onHand)} />
            <KpiCard testId="kpi-reserved" label={t("inventory.kpi.ownReserved")} value={num(totals.reserved)} />
            <KpiCard testId="kpi-atp" label={t("inventory.kpi.ownAtp")} value={num(totals.atp)} />
            <KpiCard testId="kpi-in-transit" label={t("inventory.kpi.ownInTransit")} value={num(totals.inTransit)} />
          </>
        ) : (
          <>
            <KpiCard testId="kpi-atp" label={t("inventory.kpi.atp")} value={num(totals.atp)} hint={t("inventory.kpi.atpHint")} />
            <KpiCard testId="kpi-reserved" label={t("inventory.kpi.reserved")} value={num(totals.reserved)} tone="warn" />
            <KpiCard testId="kpi-on-hand" label={t("inventory.kpi.onHand")} value={num(totals.onHand)} />
            <KpiCard testId="kpi-in-transit" label={t("inventory.kpi.inTransit")} value={num(totals.inTransit)} />
            <KpiCard
              testId="kpi-stock-outs"
              label={t("inventory.kpi.stockOutLocations")}
              value={num(totals.stockOuts)}
              hint={t("inventory.kpi.ofLocations", { n: num(totals.locations) })}
              tone="danger"
            />
          </>
        )}
      </section>

      <section className={card}>
        <h2 className="font-medium">{networkView ? t("inventory.sku.chartTitleAtp") : t("inventory.sku.chartTitle")}</h2>
        <p className="mb-3 text-xs text-slate-500">
          {t(networkView ? "inventory.sku.chartHintAtp" : "inventory.sku.chartHint", { shown: num(Math.min(CHART_LOCATIONS, holding.length)), total: num(holding.length) })}
        </p>
        {bars.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500" data-testid="chart-by-location">{t("inventory.sku.noStock")}</p>
        ) : (
          <LocationStockChart data={bars} testId="chart-by-location" atpOnly={networkView} />
        )}
      </section>

      <section className={card}>
        <h2 className="mb-3 font-medium">{t("inventory.sku.byLocation", { n: num(data.byLocation.length) })}</h2>
        <div className="max-h-[28rem] overflow-auto">
          <LocationStockTable rows={data.byLocation} canOpen={canOpen} t={t} locale={locale} />
        </div>
      </section>

      <section className={card}>
        <h2 className="font-medium">{t("inventory.sku.lots")}</h2>
        <p className="mb-3 text-xs text-slate-500">
          {data.lotsTotal > data.lots.length
            ? t("inventory.sku.lotsHintMore", { shown: num(LOT_LIMIT), total: num(data.lotsTotal) })
            : t("inventory.sku.lotsHint")}
        </p>
        <div className="max-h-[28rem] overflow-auto">
          <LotsTable lots={data.lots} t={t} locale={locale} />
        </div>
      </section>

      <section className={card}>
        <h2 className="mb-3 font-medium">{t("inventory.sku.reservations", { n: num(data.reservations.length) })}</h2>
        <ReservationsTable rows={data.reservations} t={t} locale={locale} />
      </section>

      <section className={card}>
        <h2 className="font-medium">{t("inventory.sku.ledger")}</h2>
        <p className="mb-3 text-xs text-slate-500">{t("inventory.sku.ledgerHint", { n: num(LEDGER_LIMIT) })}</p>
        <div className="overflow-x-auto">
          <LedgerTable rows={data.ledger} t={t} locale={locale} />
        </div>
      </section>
    </div>
  );
}
