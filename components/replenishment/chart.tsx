"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

export type ReplenishmentBar = { code: string; name: string; position: number; reorderPoint: number; quantity: number };

const ROW_PX = 40;

/** The largest quantities to order, each beside the SKU's position and reorder point (horizontal bars). */
export function ReplenishmentChart({ data }: { data: ReplenishmentBar[] }) {
  const { t, locale } = useI18n();
  const fmt = (v: number) => formatNumber(locale, v);
  return (
    <div className="w-full" style={{ height: Math.max(180, 70 + data.length * ROW_PX) }} data-testid="replenishment-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barCategoryGap={6} barGap={1}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={(v: number) => formatCompact(locale, v)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="code" width={140} tick={{ fontSize: 11, fontFamily: "ui-monospace, monospace" }} interval={0} />
          <Tooltip formatter={(v) => fmt(Number(v))} labelFormatter={(code) => {
            const d = data.find((x) => x.code === code);
            return d ? `${d.code} · ${d.name}` : String(code);
          }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="quantity" name={t("replenishment.series.quantity")} fill="#2f6fed" isAnimationActive={false} />
          <Bar dataKey="position" name={t("replenishment.series.position")} fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="reorderPoint" name={t("replenishment.series.reorderPoint")} fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
