"use client";
import type { RulesForm } from "@/lib/routing-ui/rules-form";
import { filterText, rankerText } from "@/lib/routing-ui/rules-text";
import { useI18n } from "../i18n-provider";

/** A version's rules, read-only: splits, filters, and the ranking rules in order. */
export function RulesView({ rules, testId }: { rules: RulesForm; testId?: string }) {
  const { t } = useI18n();
  const splits = rules.maxSplits.trim();
  return (
    <dl className="space-y-3 text-sm" data-testid={testId}>
      <div>
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("routing.editor.maxSplits")}</dt>
        <dd className="mt-0.5" data-testid="view-max-splits">
          {splits === "0" ? t("routing.rules.noSplit") : splits === "1" ? t("routing.rules.splits.one") : t("routing.rules.splits.other", { count: splits })}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("routing.editor.filters")}</dt>
        <dd className="mt-0.5">
          {rules.filters.length === 0 ? (
            <span className="text-slate-500">{t("routing.editor.noFilters")}</span>
          ) : (
            <ul className="list-outside list-disc space-y-0.5 pl-5">
              {rules.filters.map((f, i) => (
                <li key={i}>{filterText(t, f)}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("routing.editor.rankers")}</dt>
        <dd className="mt-0.5">
          <ol className="list-outside list-decimal space-y-0.5 pl-5" data-testid="view-rankers">
            {rules.rankers.map((r) => (
              <li key={r.kind} data-kind={r.kind}>
                {rankerText(t, r)}
              </li>
            ))}
          </ol>
        </dd>
      </div>
    </dl>
  );
}
