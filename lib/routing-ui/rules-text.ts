// How the console words a strategy's rules (as the editor's form holds them): one line per filter and rule, a short
// summary, and what changed between two versions. The same on server and client.
import type { Translate } from "@/lib/i18n";
import { type FilterForm, type RankerForm, type RulesChange, type RulesForm, splitCodes } from "./rules-form";

const codes = (t: Translate, input: string) => {
  const list = splitCodes(input);
  return list.length > 0 ? list.join(", ") : t("routing.rules.noCodes");
};

export function filterText(t: Translate, f: FilterForm): string {
  const name = t(`routing.filter.${f.kind}`);
  const withValue = (value: string) => t("routing.rules.withValue", { name, value });
  switch (f.kind) {
    case "locationType":
      return withValue(f.types.length > 0 ? f.types.map((type) => t(`locationType.${type}`)).join(t("routing.rules.listSeparator")) : t("routing.rules.noTypes"));
    case "minAtpMargin":
      return withValue(t("routing.rules.units", { units: f.units.trim() || "?" }));
    case "exclude":
      return withValue(codes(t, f.codes));
    default:
      return name;
  }
}

export function rankerText(t: Translate, r: RankerForm): string {
  const name = t(`routing.rule.${r.kind}`);
  switch (r.kind) {
    case "nearest":
      return t("routing.rules.withMeasure", { name, measure: t(`routing.measure.${r.measure}`) });
    case "designated":
      return t("routing.rules.withValue", { name, value: codes(t, r.codes) });
    default:
      return name;
  }
}

/** "1 split · Complete → Nearest → Lowest cost". */
export function rulesSummary(t: Translate, rules: RulesForm): string {
  const n = rules.maxSplits.trim();
  const splits = n === "0" ? t("routing.rules.noSplit") : n === "1" ? t("routing.rules.splits.one") : t("routing.rules.splits.other", { count: n });
  return `${splits} · ${rules.rankers.map((r) => t(`routing.rule.${r.kind}`)).join(" → ")}`;
}

export function changeText(t: Translate, c: RulesChange): string {
  switch (c.kind) {
    case "maxSplits":
      return t("routing.change.maxSplits", { from: c.from, to: c.to });
    case "order":
      return t("routing.change.order", { from: c.from.map((k) => t(`routing.rule.${k}`)).join(" → "), to: c.to.map((k) => t(`routing.rule.${k}`)).join(" → ") });
    case "rankerAdded":
      return t("routing.change.added", { what: rankerText(t, c.ranker) });
    case "rankerRemoved":
      return t("routing.change.removed", { what: rankerText(t, c.ranker) });
    case "rankerChanged":
      return t("routing.change.changed", { from: rankerText(t, c.from), to: rankerText(t, c.to) });
    case "filterAdded":
      return t("routing.change.added", { what: filterText(t, c.filter) });
    case "filterRemoved":
      return t("routing.change.removed", { what: filterText(t, c.filter) });
    case "filterChanged":
      return t("routing.change.changed", { from: filterText(t, c.from), to: filterText(t, c.to) });
  }
}
