"use client";
import type { Explanation } from "@/lib/routing/types";
import { countText, filterName, groupFiltered, ruleName, valueText, winnerReasonText } from "@/lib/routing-ui/explain-text";
import { formatNumber } from "@/lib/i18n";
import { TableHead } from "../table-head";
import { useI18n } from "../i18n-provider";

/** Codes shown per reason before "and N more" (a network has hundreds of locations). */
const CODES_SHOWN = 80;

const REASON_TONE: Record<string, string> = {
  ranker: "border-brand-200 bg-brand-50 text-brand-900",
  tieBreak: "border-amber-200 bg-amber-50 text-amber-900",
  onlyPlan: "border-slate-200 bg-slate-50 text-slate-800",
  customerChooses: "border-slate-200 bg-slate-50 text-slate-800",
  noCandidates: "border-red-200 bg-red-50 text-red-800",
};

/**
 * Why a routing decision came out as it did, translated: the winner's reason, what each filter removed (the locations
 * left out, collapsible), how each rule narrowed the tied plans, and the best few plans with every rule's value.
 * Presentational: the explanation is plain data (lib/routing), so server pages and client components can both use it.
 */
export function RoutingExplanation({ explanation: e, strategy }: { explanation: Explanation; strategy?: { code: string; versionId?: number } }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  const w = e.winnerReason;
  const decidingStep = w.by === "ranker" ? w.rankerIndex : null;
  const groups = groupFiltered(e.filtered);
  const rankerKinds = e.topPlans[0]?.values.map((v) => v.kind) ?? [];
  // A pickup without a chosen store scores no plans: the stores that can hand everything over are offered by distance.
  const offer = e.search === "pickup" && e.topPlans.length === 0;

  return (
    <section className="space-y-5 text-sm" data-testid="routing-explanation">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-base font-medium">{t("routing.explanation.title")}</h3>
        {strategy && (
          <p className="text-xs text-slate-500" data-testid="explanation-strategy">
            <span>{t("routing.explanation.strategy", { code: strategy.code })}</span>
            {strategy.versionId !== undefined && <span> · {t("routing.explanation.version", { id: strategy.versionId })}</span>}
          </p>
        )}
      </div>

      <div
        role="note"
        className={`rounded-lg border px-4 py-3 ${REASON_TONE[w.by] ?? REASON_TONE.onlyPlan}`}
        data-testid="winner-reason"
        data-by={w.by}
        data-rule={w.by === "ranker" ? w.rule : undefined}
      >
        <p className="text-xs font-medium tracking-wide uppercase opacity-70">{t("routing.explanation.reason.label")}</p>
        <p className="mt-0.5 font-medium">{winnerReasonText(t, locale, w)}</p>
      </div>

      <p className="text-slate-600">
        {offer ? (
          t("routing.explanation.summaryPickup", { candidates: n(e.candidatesConsidered) })
        ) : (
          <>
            {t("routing.explanation.summary", { candidates: n(e.candidatesConsidered), plans: n(e.plansConsidered) })} {t(`routing.explanation.search.${e.search}`)}
          </>
        )}
        {!e.exhaustive && <span className="text-amber-700"> {t("routing.explanation.narrowed")}</span>}
      </p>

      <div className="space-y-2">
        <h4 className="font-medium">{t("routing.explanation.filters")}</h4>
        {e.filterSteps.length === 0 ? (
          <p className="text-slate-500">{t("routing.explanation.filters.none")}</p>
        ) : (
          <table className="w-full max-w-xl" data-testid="explanation-filters">
            <TableHead gap={3} columns={[{ label: t("routing.explanation.col.filter") }, { label: t("routing.explanation.col.removed"), align: "right" }]} />
            <tbody>
              {e.filterSteps.map((f, i) => (
                <tr key={i} className="border-b border-slate-100 last:border-0" data-filter={f.filter}>
                  <td className="py-1.5 pr-3">
                    {filterName(t, f.filter)}
                    {f.skipped && <span className="ml-2 text-xs text-slate-500">({t("routing.explanation.skipped")})</span>}
                  </td>
                  <td className="py-1.5 text-right tabular-nums" data-testid="removed">
                    {f.skipped ? "—" : n(f.removed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {e.filtered.length === 0 ? (
          <p className="text-slate-500">{t("routing.explanation.filtered.none")}</p>
        ) : (
          <details className="rounded-lg border border-slate-200" data-testid="explanation-filtered">
            <summary className="cursor-pointer rounded-lg px-3 py-2 font-medium text-brand-700 select-none hover:bg-slate-50">
              {t("routing.explanation.filtered", { count: n(e.filtered.length) })}
            </summary>
            <dl className="space-y-2 border-t border-slate-200 px-3 py-2">
              {groups.map((g) => (
                <div key={g.reason} data-reason={g.reason}>
                  <dt className="text-xs font-medium text-slate-600">
                    {filterName(t, g.reason)} ({n(g.codes.length)})
                  </dt>
                  <dd className="mt-1 flex flex-wrap gap-1">
                    {g.codes.slice(0, CODES_SHOWN).map((code) => (
                      <span key={code} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700">
                        {code}
                      </span>
                    ))}
                    {g.codes.length > CODES_SHOWN && <span className="px-1 text-xs text-slate-500">{t("routing.explanation.more", { count: n(g.codes.length - CODES_SHOWN) })}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>

      {e.steps.length > 0 && (
        <div className="space-y-2">
          <div>
            <h4 className="font-medium">{t("routing.explanation.steps")}</h4>
            <p className="text-xs text-slate-500">{t("routing.explanation.stepsHint")}</p>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full" data-testid="explanation-steps">
              <TableHead
                gap={3}
                columns={[
                  { label: t("routing.explanation.col.step") },
                  { label: t("routing.explanation.col.rule") },
                  { label: t("routing.explanation.col.tied"), align: "right" },
                  { label: t("routing.explanation.col.best") },
                ]}
              />
              <tbody>
                {e.steps.map((s, i) => {
                  const decided = decidingStep !== null && s.rankerIndex === decidingStep;
                  return (
                    <tr key={i} className={`border-b border-slate-100 last:border-0 ${decided ? "bg-brand-50/60" : ""}`} data-rule={s.rule} data-decided={decided ? "true" : undefined}>
                      <td className="py-1.5 pr-3 text-slate-500 tabular-nums">{s.rankerIndex < 0 ? "·" : n(s.rankerIndex + 1)}</td>
                      <td className="py-1.5 pr-3 font-medium">
                        {ruleName(t, s.rule)}
                        {decided && <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-[11px] font-medium text-white">{t("routing.explanation.decided")}</span>}
                      </td>
                      <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums" data-testid="tied">
                        {countText(t, locale, s.before, s.beforeAtLeast)} → {countText(t, locale, s.after, s.afterAtLeast)}
                      </td>
                      <td className="py-1.5">{valueText(t, locale, s.best)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {!offer ? (
        <div className="space-y-2">
          <h4 className="font-medium">{t("routing.explanation.plans")}</h4>
          {e.topPlans.length === 0 ? (
            <p className="text-slate-500">{t("routing.explanation.plans.none")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full" data-testid="top-plans">
                <TableHead
                  gap={3}
                  columns={[
                    { label: t("routing.explanation.col.rank") },
                    { label: t("routing.explanation.col.shipments") },
                    { label: t("routing.explanation.col.fill") },
                    ...rankerKinds.map((kind, i) => ({ key: `r${i}`, label: `${i + 1}. ${ruleName(t, kind)}` })),
                  ]}
                />
                <tbody>
                  {e.topPlans.map((p, i) => (
                    <tr
                      key={i}
                      className={`border-b border-slate-100 align-top last:border-0 ${i === 0 ? "bg-green-50/60" : ""}`}
                      data-codes={p.shipments.map((s) => s.code).join("+")}
                      data-winner={i === 0 ? "true" : undefined}
                    >
                      <td className="py-1.5 pr-3 text-slate-500 tabular-nums">
                        {n(i + 1)}
                        {i === 0 && <span className="ml-2 rounded bg-green-600 px-1.5 py-0.5 text-[11px] font-medium text-white">{t("routing.explanation.winner")}</span>}
                      </td>
                      <td className="py-1.5 pr-3">
                        <span className="flex flex-wrap gap-1">
                          {p.shipments.map((s) => (
                            <span key={s.locationId} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">
                              {t("routing.explanation.units", { code: s.code, units: n(s.units) })}
                            </span>
                          ))}
                        </span>
                      </td>
                      <td className="py-1.5 pr-3">{valueText(t, locale, p.fill)}</td>
                      {p.values.map((v, j) => (
                        <td key={j} className={`py-1.5 whitespace-nowrap ${j < p.values.length - 1 ? "pr-3" : ""}`}>
                          {valueText(t, locale, v)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
