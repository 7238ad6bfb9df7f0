"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

export type StockBar = { label: string; atp: number; reserved: number; held: number };

/** Stacked on-hand per group: what can be promised, what is reserved, what safety stock holds back. */
export function StockBarChart({ data, testId }: { data: StockBar[]; testId: string }) {
  const { t, locale } = useI18n();
  const fmt = (v: number) => formatNumber(locale, v);
  const compact = (v: number) => formatCompact(locale, v);
  return (
    <div className="h-72 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={compact} tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="atp" name={t("dashboard.series.atp")} stackId="s" fill="#2f6fed" isAnimationActive={false} />
          <Bar dataKey="reserved" name={t("dashboard.series.reserved")} stackId="s" fill="#f59e0b" isAnimationActive={false} />
          <Bar dataKey="held" name={t("dashboard.series.held")} stackId="s" fill="#94a3b8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
