"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatNumber, type MessageKey } from "@/lib/i18n";
import { flowBars, type RegionFlow } from "@/lib/transfers-ui/flow";
import { useI18n } from "../i18n-provider";

const REGIONS = ["EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST", "NORTHEAST"] as const;
const COLOURS = ["#2f6fed", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#64748b"];

/** Units of open transfers by source region (bars), stacked by destination region; a table of the same below. */
export function FlowChart({ flows }: { flows: RegionFlow[] }) {
  const { t, locale } = useI18n();
  const region = (r: string) => ((REGIONS as readonly string[]).includes(r) ? t(`region.${r}` as MessageKey) : r);
  const { bars, destinations } = flowBars(flows, REGIONS);
  if (bars.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{t("transfers.flow.empty")}</p>;
  const data = bars.map((b) => ({ ...b, label: region(b.from) }));
  return (
    <div data-testid="transfer-flow">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={(v) => formatCompact(locale, Number(v))} tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
            <Tooltip formatter={(v) => formatNumber(locale, Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {destinations.map((d) => (
              <Bar key={d} dataKey={d} name={`→ ${region(d)}`} stackId="to" fill={COLOURS[REGIONS.indexOf(d as (typeof REGIONS)[number])] ?? "#94a3b8"} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600" data-testid="transfer-flow-list">
        {flows.map((f) => (
          <li key={`${f.fromRegion}-${f.toRegion}`}>
            {t("transfers.flow.table", { from: region(f.fromRegion), to: region(f.toRegion), units: formatNumber(locale, f.units), transfers: formatNumber(locale, f.transfers) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
