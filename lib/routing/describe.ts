// English rendering of a decision, for logs and tests. The console translates the data itself (types.ts).

import type { LevelValue, RoutingDecision, RoutingStep } from "./types";

export function describeValue(v: LevelValue): string {
  switch (v.kind) {
    case "fill":
      return v.backOrderedUnits > 0 ? `${v.shippedUnits} units shipped, ${v.backOrderedUnits} back-ordered` : `all ${v.shippedUnits} units shipped`;
    case "nearest":
      return `${v.measure === "max" ? "farthest shipment" : "mean distance"} ${v.km.toFixed(1)} km`;
    case "complete":
      return `${v.shipments} shipment${v.shipments === 1 ? "" : "s"}`;
    case "designated":
      return `designated units [${v.units.join(", ")}], ${v.otherUnits} from elsewhere`;
    case "lowestCost":
      return `cost ${(v.cents / 100).toFixed(2)}`;
  }
}

function count(n: number, atLeast: boolean): string {
  return `${atLeast ? "≥" : ""}${n}`;
}

function step(s: RoutingStep): string {
  return `${s.rule}: ${count(s.before, s.beforeAtLeast)} → ${count(s.after, s.afterAtLeast)} plans (best: ${describeValue(s.best)})`;
}

export function describe(d: RoutingDecision): string {
  const e = d.explanation;
  const out: string[] = [];
  if (e.filtered.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const f of e.filtered) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.code]);
    out.push(`filtered: ${[...byReason].map(([reason, codes]) => `${reason} (${codes.length}: ${codes.slice(0, 5).join(", ")}${codes.length > 5 ? ", …" : ""})`).join("; ")}`);
  }
  for (const f of e.filterSteps) if (f.skipped) out.push(`filter ${f.filter} skipped: the destination does not say`);
  out.push(`${e.candidatesConsidered} candidate${e.candidatesConsidered === 1 ? "" : "s"}, ${e.plansConsidered} plan${e.plansConsidered === 1 ? "" : "s"} scored (${e.search} search${e.exhaustive ? "" : ", narrowed"})`);
  if (d.kind === "pickupOptions") {
    out.push(d.options.length > 0 ? `pickup at: ${d.options.map((o) => `${o.code} (${o.km.toFixed(1)} km)`).join(", ")}` : "no store can hand over the whole order");
    return out.join("\n");
  }
  for (const s of e.steps) out.push(step(s));
  const p = d.plan;
  const ships = p.shipments.map((s) => `${s.code} ships ${s.lines.map((l) => `${l.quantity}×${l.skuId}`).join(" + ")} (${s.km.toFixed(1)} km, ${(s.costCents / 100).toFixed(2)})`);
  out.push(ships.length > 0 ? `plan: ${ships.join("; ")}` : "plan: nothing ships");
  if (p.backOrdered.length > 0) out.push(`back-ordered: ${p.backOrdered.map((l) => `${l.quantity}×${l.skuId}`).join(", ")}`);
  const w = e.winnerReason;
  switch (w.by) {
    case "noCandidates":
      out.push("why: no location can give any of the order");
      break;
    case "onlyPlan":
      out.push("why: the only plan");
      break;
    case "customerChooses":
      out.push("why: the customer chooses");
      break;
    case "ranker":
      out.push(`why: ${w.rule} (rule ${w.rankerIndex + 1}) decided: ${describeValue(w.winner)} against ${describeValue(w.runnerUp)} for ${w.runnerUpCodes.join(" + ")}`);
      break;
    case "tieBreak":
      out.push(`why: ${w.tiedPlans} plans tied on every rule; by location code ${w.codes.join(" + ")} before ${w.runnerUpCodes.join(" + ")}`);
      break;
  }
  return out.join("\n");
}
