"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PreviewRow } from "@/lib/channels/views";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

/** Each channel's ATS before and after the unsaved lock, side by side. */
export function PreviewChart({ rows }: { rows: PreviewRow[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="h-64 w-full" data-testid="preview-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="code" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={(v: number) => formatCompact(locale, v)} tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => formatNumber(locale, Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="before" name={t("lock.preview.col.before")} fill="#94a3b8" isAnimationActive={false} radius={[3, 3, 0, 0]} />
          <Bar dataKey="after" name={t("lock.preview.col.after")} fill="#2f6fed" isAnimationActive={false} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
