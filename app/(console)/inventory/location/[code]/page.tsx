import type { Metadata } from "next";
import Link from "next/link";
import { DetailHeader } from "@/components/inventory/detail-header";
import { notFound } from "next/navigation";
import { AgeChart } from "@/components/dashboard/age-chart";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { AlertTable } from "@/components/inventory/alert-table";
import { codeLabel } from "@/components/inventory/labels";
import { AGED_DAYS } from "@/lib/inventory/age";
import { DEFAULT_QUERY, gridHref, parseCodeParam } from "@/lib/inventory/grid-query";
import { formatNumber } from "@/lib/i18n";
import { serverTranslator } from "@/lib/server/i18n";
import { ALERT_SALES_DAYS, getLocationDetail } from "@/lib/server/inventory/location";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Location" };

export default async function LocationPage({ params }: { params: Promise<{ code: string }> }) {
  const { scope } = await requireSection("inventory");
  const code = parseCodeParam((await params).code);
  if (!code) notFound();
  const [{ t, locale }, data] = await Promise.all([serverTranslator(), getLocationDetail(scope, code)]);
  if (!data) notFound();

  const num = (v: number) => formatNumber(locale, v);
  const { location: loc, summary } = data;
  const lotUnits = data.ageProfile.reduce((s, b) => s + b.units, 0);
  const aged = data.ageProfile.find((b) => b.key === "90+")?.units ?? 0;
  const gridLink = (change: { out?: boolean; below?: boolean; aged?: boolean }) =>
    gridHref("/inventory", { ...DEFAULT_QUERY, location: loc.code, ...change });
  const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";
  const facts = [
    `${codeLabel(t, "locationType", loc.type)} · ${codeLabel(t, "region", loc.region)}`,
    `${loc.city}, ${loc.province}`,
    [loc.canShip && t("inventory.location.ships"), loc.canPickup && t("inventory.location.pickup")].filter(Boolean).join(" · "),
    t("inventory.location.capacity", { n: num(loc.dailyCapacity) }),
    loc.exclusiveBrand ? t("inventory.location.exclusive", { brand: loc.exclusiveBrand }) : null,
  ].filter(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <DetailHeader gridLabel={t("inventory.title")} breadcrumbLabel={t("inventory.breadcrumb")} code={loc.code} title={loc.name} testIdPrefix="location">
          {facts.map((f) => (
            <span key={f as string}>{f}</span>
          ))}
        </DetailHeader>
        {scope.kind === "brand" && <p className="mt-2 text-sm text-brand-700" data-testid="brand-only-note">{t("inventory.location.brandOnly")}</p>}
      </div>

      <section className="grid grid-cols-2 gap-4 lg:grid-cols-6">
        <KpiCard testId="kpi-skus" label={t("inventory.kpi.skus")} value={num(summary.skus)} />
        <KpiCard testId="kpi-on-hand" label={t("inventory.kpi.onHand")} value={num(summary.onHand)} />
        <KpiCard testId="kpi-reserved" label={t("inventory.kpi.reserved")} value={num(summary.reserved)} />
        <KpiCard testId="kpi-atp" label={t("inventory.kpi.atp")} value={num(summary.atp)} />
        <KpiCard testId="kpi-stock-outs" label={t("inventory.kpi.stockOuts")} value={num(summary.stockOuts)} tone="danger" />
        <KpiCard testId="kpi-below-safety" label={t("inventory.kpi.belowSafety")} value={num(summary.belowSafety)} tone="warn" />
      </section>

      <section className="grid gap-4 2xl:grid-cols-2">
        <div className={card}>
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 className="font-medium">{t("inventory.location.stockOuts", { shown: num(data.stockOuts.length), total: num(summary.stockOuts) })}</h2>
            {summary.stockOuts > 0 && (
              <Link href={gridLink({ out: true })} className="text-sm whitespace-nowrap text-brand-600 hover:underline" data-testid="all-stock-outs">
                {t("inventory.location.viewAll")}
              </Link>
            )}
          </div>
          <AlertTable rows={data.stockOuts} salesDays={ALERT_SALES_DAYS} empty={t("inventory.location.noStockOuts")} testId="location-stock-outs" t={t} locale={locale} />
        </div>
        <div className={card}>
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 className="font-medium">{t("inventory.location.belowSafety", { shown: num(data.belowSafety.length), total: num(summary.belowSafety) })}</h2>
            {summary.belowSafety > 0 && (
              <Link href={gridLink({ below: true })} className="text-sm whitespace-nowrap text-brand-600 hover:underline">
                {t("inventory.location.viewAll")}
              </Link>
            )}
          </div>
          <AlertTable rows={data.belowSafety} salesDays={ALERT_SALES_DAYS} empty={t("inventory.location.noBelowSafety")} testId="location-below-safety" t={t} locale={locale} />
        </div>
      </section>

      <section className={card}>
        <div className="flex items-baseline justify-between gap-3">
          <h2 className="font-medium">{t("inventory.location.age")}</h2>
          {aged > 0 && (
            <Link href={gridLink({ aged: true })} className="text-sm text-brand-600 hover:underline">
              {t("inventory.location.viewAged")}
            </Link>
          )}
        </div>
        <p className="mb-3 text-xs text-slate-500">
          {t("inventory.location.ageHint", {
            units: num(lotUnits),
            aged: num(aged),
            share: lotUnits > 0 ? formatNumber(locale, (100 * aged) / lotUnits, 1) : "0",
            days: AGED_DAYS,
          })}
        </p>
        <AgeChart profile={data.ageProfile} testId="chart-age" />
      </section>
    </div>
  );
}
