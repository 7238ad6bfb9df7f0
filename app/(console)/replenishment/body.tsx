import Link from "next/link";
import { ReplenishmentChart } from "@/components/replenishment/chart";
import { ReplenishmentPagination } from "@/components/replenishment/pagination";
import { ReplenishmentTable } from "@/components/replenishment/table";
import type { DataScope } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/i18n";
import { serverTranslator } from "@/lib/server/i18n";
import { asOfMinute, getReplenishment, type ReplenishmentLocation } from "@/lib/server/replenishment/data";
import { hasFilters, replenishmentHref, type ReplenishmentQuery } from "@/lib/server/replenishment/query";

const BASE = "/replenishment";
const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

/** The computed part of the page (summary, chart, table), streamed behind a skeleton while one location is worked out. */
export async function ReplenishmentBody({ scope, query, location }: { scope: DataScope; query: ReplenishmentQuery; location: ReplenishmentLocation }) {
  const [{ t, locale }, view] = await Promise.all([serverTranslator(), getReplenishment(scope, { ...query, location: location.code }, asOfMinute())]);
  if (!view) return null; // the page checked the location already
  const num = (v: number, digits = 0) => formatNumber(locale, v, digits);
  const from = (view.page - 1) * view.pageSize + 1;
  const to = from + view.rows.length - 1;
  const typeLabel = t(`locationType.${view.location.type}`);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className={card}>
          <p className="text-sm text-slate-500">{t("replenishment.kpi.needing")}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="kpi-needing">{num(view.summary.needing)}</p>
          <p className="text-xs text-slate-500">{t("replenishment.kpi.needingHint", { total: num(view.summary.skus) })}</p>
        </div>
        <div className={card}>
          <p className="text-sm text-slate-500">{t("replenishment.kpi.units")}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="kpi-units">{num(view.summary.units)}</p>
        </div>
        <div className={card}>
          <p className="text-sm text-slate-500">{t("replenishment.kpi.policy", { type: typeLabel })}</p>
          <p className="mt-1 text-sm font-medium">
            {t("replenishment.kpi.policyValue", { lead: num(view.policy.leadTimeDays), review: num(view.policy.reviewDays), z: num(view.policy.z, 2) })}
          </p>
          <p className="text-xs text-slate-500">{t("replenishment.kpi.policyHint")}</p>
        </div>
      </div>

      <section className={card}>
        <h2 className="font-medium">{t("replenishment.chart.title")}</h2>
        <p className="mb-2 text-xs text-slate-500">{t("replenishment.chart.hint")}</p>
        {view.top.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500" data-testid="chart-empty">{t("replenishment.chart.none")}</p>
        ) : (
          <ReplenishmentChart data={view.top.map((l) => ({ code: l.skuCode, name: l.skuName, position: l.position, reorderPoint: l.reorderPoint, quantity: l.quantity }))} />
        )}
      </section>

      <p className="text-xs text-slate-500" data-testid="replenishment-note">{t("replenishment.note")}</p>

      {view.rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="replenishment-empty">
          {view.page > 1 && view.total > 0 ? (
            <>
              <p className="font-medium text-slate-700">{t("replenishment.empty.pastEnd")}</p>
              <Link href={replenishmentHref(BASE, query, { page: 1 })} className="mt-3 inline-block text-sm text-brand-600 hover:underline">
                {t("replenishment.empty.firstPage")}
              </Link>
            </>
          ) : hasFilters(query) ? (
            <>
              <p className="font-medium text-slate-700">{t(query.needs && !query.q && !query.brand && !query.category ? "replenishment.empty.needs" : "replenishment.empty.filtered")}</p>
              <Link href={replenishmentHref(BASE, { ...query, brand: undefined, category: undefined, q: undefined, needs: false, page: 1 })} className="mt-3 inline-block text-sm text-brand-600 hover:underline">
                {t("replenishment.empty.reset")}
              </Link>
            </>
          ) : (
            <p className="font-medium text-slate-700">{t("replenishment.empty.none")}</p>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="replenishment-summary">
            {t("replenishment.showing", { from: num(from), to: num(to), total: num(view.total) })}
          </p>
          <ReplenishmentTable base={BASE} rows={view.rows} query={query} t={t} locale={locale} />
        </>
      )}
      <ReplenishmentPagination base={BASE} query={query} total={view.total} pageSize={view.pageSize} t={t} locale={locale} />
    </>
  );
}
