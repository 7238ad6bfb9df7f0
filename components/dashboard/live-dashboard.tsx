"use client";
import { useQuery } from "@tanstack/react-query";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import type { Dashboard, StockGroup } from "@/lib/server/dashboard";
import { useI18n } from "../i18n-provider";
import { AgeChart } from "./age-chart";
import { AtRiskTable } from "./at-risk-table";
import { KpiCard } from "./kpi-card";
import { StockBarChart, type StockBar } from "./stock-bar-chart";

const REFRESH_MS = 30_000;

/** JSON turns dates into strings; the first render comes from the server as a real object. */
type Wire = Omit<Dashboard, "asOf"> & { asOf: string | Date };

async function fetchDashboard(): Promise<Wire> {
  const res = await fetch("/api/dashboard", { cache: "no-store" });
  if (!res.ok) throw new Error(`dashboard: HTTP ${res.status}`);
  return res.json();
}

/** The dashboard body, refreshed every 30 s (and on focus) so numbers stay live while the page is open. */
export function LiveDashboard({ initial, subtitleKey }: { initial: Wire; subtitleKey: MessageKey }) {
  const { t, locale } = useI18n();
  const { data, isFetching, isError, refetch } = useQuery({
    queryKey: ["dashboard"],
    queryFn: fetchDashboard,
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const num = (v: number) => formatNumber(locale, v);
  const bars = (groups: StockGroup[], prefix: "locationType" | "region"): StockBar[] =>
    groups.map((g) => ({ label: t(`${prefix}.${g.key}` as MessageKey), atp: g.atp, reserved: g.reserved, held: Math.max(0, g.onHand - g.reserved - g.atp) }));
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(data.asOf));

  return (
    <>
      <p className="-mt-5 flex items-center gap-2 text-sm text-slate-500" data-testid="dashboard-as-of">
        {t(subtitleKey, { time })}
        <span className={`inline-block h-2 w-2 rounded-full ${isError ? "bg-red-500" : isFetching ? "animate-pulse bg-brand-500" : "bg-green-500"}`} aria-hidden />
        <button type="button" onClick={() => refetch()} disabled={isFetching} className="rounded px-2 py-0.5 text-xs text-brand-600 hover:bg-brand-50 disabled:opacity-50">
          {t("dashboard.refresh")}
        </button>
      </p>
      {data.totals.onHand === 0 && data.byType.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-500">{t("dashboard.empty")}</p>
      ) : (
        <>
          <section className="grid grid-cols-2 gap-4 lg:grid-cols-5">
            <KpiCard testId="kpi-on-hand" label={t("dashboard.kpi.onHand")} value={num(data.totals.onHand)} />
            <KpiCard testId="kpi-reserved" label={t("dashboard.kpi.reserved")} value={num(data.totals.reserved)} />
            <KpiCard testId="kpi-atp" label={t("dashboard.kpi.atp")} value={num(data.totals.atp)} />
            <KpiCard testId="kpi-stock-outs" label={t("dashboard.kpi.stockOuts")} value={num(data.totals.stockOuts)} hint={t("dashboard.kpi.stockOutsHint")} tone="danger" />
            <KpiCard testId="kpi-below-safety" label={t("dashboard.kpi.belowSafety")} value={num(data.totals.belowSafety)} hint={t("dashboard.kpi.belowSafetyHint")} tone="warn" />
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
          <section className="grid gap-4 lg:grid-cols-3">
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
              <h2 className="font-medium">{t("dashboard.atRisk")}</h2>
              <p className="mb-3 text-xs text-slate-500">{t("dashboard.atRiskHint")}</p>
              <AtRiskTable rows={data.atRisk} t={t} locale={locale} />
            </div>
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="font-medium">{t("dashboard.age.title")}</h2>
              <p className="mb-3 text-xs text-slate-500">{t("dashboard.age.hint")}</p>
              <AgeChart testId="chart-age" profile={data.age} />
            </div>
          </section>
        </>
      )}
    </>
  );
}
