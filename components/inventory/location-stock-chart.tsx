"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

export type LocationBar = { code: string; name: string; atp: number; reserved: number; held: number };

const ROW_PX = 26;

/** One horizontal stacked bar per location: ATP, reserved, and what safety stock holds back. */
export function LocationStockChart({ data, testId, atpOnly = false }: { data: LocationBar[]; testId: string; atpOnly?: boolean }) {
  const { t, locale } = useI18n();
  const fmt = (v: number) => formatNumber(locale, v);
  const compact = (v: number) => formatCompact(locale, v);
  return (
    <div className="w-full" style={{ height: Math.max(160, 60 + data.length * ROW_PX) }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barCategoryGap={4}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={compact} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="code" width={112} tick={{ fontSize: 11, fontFamily: "ui-monospace, monospace" }} interval={0} />
          <Tooltip formatter={(v) => fmt(Number(v))} labelFormatter={(code) => data.find((d) => d.code === code)?.name ?? String(code)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="atp" name={t("inventory.series.atp")} stackId="s" fill="#2f6fed" isAnimationActive={false} />
          {!atpOnly && <Bar dataKey="reserved" name={t("inventory.series.reserved")} stackId="s" fill="#f59e0b" isAnimationActive={false} />}
          {!atpOnly && <Bar dataKey="held" name={t("inventory.series.held")} stackId="s" fill="#94a3b8" isAnimationActive={false} />}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
