import type { Metadata } from "next";
import { AtRiskTable } from "@/components/dashboard/at-risk-table";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { StockBarChart, type StockBar } from "@/components/dashboard/stock-bar-chart";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { getDashboard, type StockGroup } from "@/lib/server/dashboard";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { scopeName } from "@/lib/server/scope";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { scope } = await requireSection("dashboard");
  const [{ t, locale }, data, name] = await Promise.all([serverTranslator(), getDashboard(scope), scopeName(scope)]);
  const title =
    scope.kind === "network" ? t("dashboard.title") : t(`dashboard.title.${scope.kind}`, { name: name ?? "" });
  const num = (v: number) => formatNumber(locale, v);
  const bars = (groups: StockGroup[], prefix: "locationType" | "region"): StockBar[] =>
    groups.map((g) => ({
      label: t(`${prefix}.${g.key}` as MessageKey),
      atp: g.atp,
      reserved: g.reserved,
      held: Math.max(0, g.onHand - g.reserved - g.atp),
    }));
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(data.asOf);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-500">{t("dashboard.subtitle", { time })}</p>
      </div>
      {data.totals.onHand === 0 && data.byType.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-500">
          {t("dashboard.empty")}
        </p>
      ) : (
        <>
          <section className="grid grid-cols-2 gap-4 lg:grid-cols-5">
            <KpiCard testId="kpi-on-hand" label={t("dashboard.kpi.onHand")} value={num(data.totals.onHand)} />
            <KpiCard testId="kpi-reserved" label={t("dashboard.kpi.reserved")} value={num(data.totals.reserved)} />
            <KpiCard testId="kpi-atp" label={t("dashboard.kpi.atp")} value={num(data.totals.atp)} />
            <KpiCard
              testId="kpi-stock-outs"
              label={t("dashboard.kpi.stockOuts")}
              value={num(data.totals.stockOuts)}
              hint={t("dashboard.kpi.stockOutsHint")}
              tone="danger"
            />
            <KpiCard
              testId="kpi-below-safety"
              label={t("dashboard.kpi.belowSafety")}
              value={num(data.totals.belowSafety)}
              hint={t("dashboard.kpi.belowSafetyHint")}
              tone="warn"
            />
          </section>
          <section className="grid gap-4 lg:grid-cols-2">
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="mb-2 font-medium">{t("dashboard.byType")}</h2>
              <StockBarChart testId="chart-by-type" data={bars(data.byType, "locationType")} />
            </div>
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="mb-2 font-medium">{t("dashboard.byRegion")}</h2>
              <StockBarChart testId="chart-by-region" data={bars(data.byRegion, "region")} />
            </div>
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-medium">{t("dashboard.atRisk")}</h2>
            <p className="mb-3 text-xs text-slate-500">{t("dashboard.atRiskHint")}</p>
            <AtRiskTable rows={data.atRisk} t={t} locale={locale} />
          </section>
        </>
      )}
    </div>
  );
}
