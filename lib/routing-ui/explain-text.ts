// How the console words routing decisions (lib/routing keeps them as codes and numbers): rule and filter names, a
// plan's value under a rule, the winner's reason. The same on server and client.
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import type { FilterReason, LevelValue, Ranker, RankerValue, WinnerReason } from "@/lib/routing/types";

/** Kilometres with one decimal; small non-zero distances keep the metres (a 3 m margin is not "0.0 km"). */
export function formatKm(locale: Locale, km: number): string {
  const abs = Math.abs(km);
  return formatNumber(locale, km, abs > 0 && abs < 0.1 ? 3 : 1);
}

/** Cents as yuan with two decimals. */
export function formatMoney(locale: Locale, cents: number): string {
  return formatNumber(locale, cents / 100, 2);
}

export function kmText(t: Translate, locale: Locale, km: number): string {
  return t("routing.km", { km: formatKm(locale, km) });
}

export function moneyText(t: Translate, locale: Locale, cents: number): string {
  return t("routing.money", { amount: formatMoney(locale, cents) });
}

export function ruleName(t: Translate, rule: Ranker["kind"] | "fill"): string {
  return t(`routing.rule.${rule}`);
}

export function filterName(t: Translate, reason: FilterReason): string {
  return t(`routing.filter.${reason}`);
}

/** A plan's value under one rule, e.g. "mean 12.3 km", "2 shipments", "cost ¥31.50". */
export function valueText(t: Translate, locale: Locale, v: LevelValue): string {
  const n = (x: number) => formatNumber(locale, x);
  switch (v.kind) {
    case "fill":
      return v.backOrderedUnits > 0
        ? t("routing.value.fillBackOrdered", { shipped: n(v.shippedUnits), total: n(v.shippedUnits + v.backOrderedUnits), backOrdered: n(v.backOrderedUnits) })
        : t("routing.value.fill", { shipped: n(v.shippedUnits), total: n(v.shippedUnits) });
    case "nearest":
      return t(v.measure === "max" ? "routing.value.nearest.max" : "routing.value.nearest.weighted", { km: formatKm(locale, v.km) });
    case "complete":
      return v.shipments === 1 ? t("routing.value.complete.one") : t("routing.value.complete.other", { count: n(v.shipments) });
    case "designated":
      return t("routing.value.designated", { units: v.units.map(n).join(" · "), other: n(v.otherUnits) });
    case "lowestCost":
      return t("routing.value.lowestCost", { amount: formatMoney(locale, v.cents) });
  }
}

/** The bare number of a value, for tables whose column names the rule: "2/3", "12.3 km", "2", "¥31.50". */
export function valueShort(t: Translate, locale: Locale, v: LevelValue): string {
  switch (v.kind) {
    case "fill":
      return `${formatNumber(locale, v.shippedUnits)}/${formatNumber(locale, v.shippedUnits + v.backOrderedUnits)}`;
    case "nearest":
      return kmText(t, locale, v.km);
    case "complete":
      return formatNumber(locale, v.shipments);
    case "designated":
      return `${v.units.map((u) => formatNumber(locale, u)).join(" · ")} | ${formatNumber(locale, v.otherUnits)}`;
    case "lowestCost":
      return moneyText(t, locale, v.cents);
  }
}

/** By how much the winner beat the runner-up under the deciding rule, or null when no number says it. */
export function marginText(t: Translate, locale: Locale, winner: RankerValue, margin: number | null): string {
  switch (winner.kind) {
    case "nearest":
      return margin === null ? "" : t("routing.explanation.margin.nearest", { km: formatKm(locale, margin) });
    case "complete":
      if (margin === null) return "";
      return margin === 1 ? t("routing.explanation.margin.complete.one") : t("routing.explanation.margin.complete.other", { count: formatNumber(locale, margin) });
    case "lowestCost":
      return margin === null ? "" : t("routing.explanation.margin.lowestCost", { amount: formatMoney(locale, margin) });
    case "designated":
      return t("routing.explanation.margin.designated");
  }
}

const joinCodes = (codes: readonly string[]) => codes.join(" + ");

/** One sentence: which rule decided and by how much, or that the tie-break, the only plan or no candidate did. */
export function winnerReasonText(t: Translate, locale: Locale, w: WinnerReason): string {
  switch (w.by) {
    case "noCandidates":
    case "onlyPlan":
    case "customerChooses":
      return t(`routing.explanation.reason.${w.by}`);
    case "ranker": {
      const vars = {
        n: w.rankerIndex + 1,
        rule: ruleName(t, w.rule),
        winner: valueText(t, locale, w.winner),
        runnerUp: valueText(t, locale, w.runnerUp),
        codes: joinCodes(w.runnerUpCodes),
      };
      const margin = marginText(t, locale, w.winner, w.margin);
      return margin ? t("routing.explanation.reason.rankerBy", { ...vars, margin }) : t("routing.explanation.reason.ranker", vars);
    }
    case "tieBreak":
      return t("routing.explanation.reason.tieBreak", { count: formatNumber(locale, w.tiedPlans), codes: joinCodes(w.codes), runnerUp: joinCodes(w.runnerUpCodes) });
  }
}

/** A count that may be a floor (the search stops scoring plans that cannot make the top few). */
export function countText(t: Translate, locale: Locale, count: number, atLeast: boolean): string {
  const n = formatNumber(locale, count);
  return atLeast ? t("routing.explanation.atLeast", { count: n }) : n;
}

/** Filtered locations grouped by reason, in the order reasons first appear; codes sorted. */
export function groupFiltered(filtered: readonly { code: string; reason: FilterReason }[]): { reason: FilterReason; codes: string[] }[] {
  const by = new Map<FilterReason, string[]>();
  for (const f of filtered) {
    const list = by.get(f.reason);
    if (list) list.push(f.code);
    else by.set(f.reason, [f.code]);
  }
  return [...by].map(([reason, codes]) => ({ reason, codes: codes.sort() }));
}
