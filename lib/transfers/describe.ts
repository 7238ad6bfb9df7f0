// English rendering of a suggestion, for logs and tests. The console translates the reason codes and numbers itself.

import type { TransferSuggestion } from "./suggest";

/** At most one decimal, no trailing ".0": 2, 6.5, 0.3. */
function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function cover(days: number | null): string {
  if (days === null) return "no sales";
  return `${num(days)} day${num(days) === "1" ? "" : "s"} of cover`;
}

/**
 * "Move 12 × SKU 7 from Store B to Store A. Store A: 2 days of cover, selling 6/day; Store B: 45 days of cover,
 * 30 km away. Avoids 5 stock-out days in the next 28."
 */
export function describeSuggestion(s: TransferSuggestion): string {
  const { destination: d, source: src } = s.reason;
  const e = s.effect;
  const head = `Move ${s.quantity} × SKU ${s.skuId} from ${src.name} to ${d.name}.`;
  const why = `${d.name}: ${cover(d.coverDays)}, selling ${num(d.velocity)}/day; ${src.name}: ${cover(src.coverDays)}, ${num(s.reason.distanceKm)} km away.`;
  const effect =
    e.stockOutDaysAvoided > 0
      ? `Avoids ${num(e.stockOutDaysAvoided)} stock-out day${num(e.stockOutDaysAvoided) === "1" ? "" : "s"} in the next ${num(e.horizonDays)}.`
      : `Cover ${num(e.destinationCoverBefore)} → ${num(e.destinationCoverAfter)} days.`;
  return `${head} ${why} ${effect}`;
}
