"use client";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

export type AtsBar = { code: string; name: string; ats: number };

/** Each active channel's available to sell, against the pool ATP (dashed line). */
export function AtsChart({ data, poolAtp }: { data: AtsBar[]; poolAtp: number }) {
  const { t, locale } = useI18n();
  const fmt = (v: number) => formatNumber(locale, v);
  return (
    <div className="h-72 w-full" data-testid="ats-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 20, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="code" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={(v: number) => formatCompact(locale, v)} tick={{ fontSize: 12 }} width={56} domain={[0, (max: number) => Math.max(max, poolAtp)]} />
          <Tooltip formatter={(v) => fmt(Number(v))} labelFormatter={(code) => data.find((d) => d.code === code)?.name ?? String(code)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            y={poolAtp}
            stroke="#64748b"
            strokeDasharray="6 4"
            label={{ value: `${t("channels.ats.pool")} ${fmt(poolAtp)}`, position: "top", fontSize: 12, fill: "#475569" }}
          />
          <Bar dataKey="ats" name={t("channels.ats.series")} fill="#2f6fed" isAnimationActive={false} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
