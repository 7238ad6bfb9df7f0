"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AgeProfile } from "@/lib/inventory/age";
import { formatCompact, formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

const COLORS = ["#22c55e", "#84cc16", "#f59e0b", "#ef4444"];

/** Units on hand by inventory age bucket, fresh (green) to aged (red). */
export function AgeChart({ profile, testId }: { profile: AgeProfile; testId: string }) {
  const { t, locale } = useI18n();
  const data = profile.map((b) => ({ label: t("dashboard.age.bucket", { range: b.key }), units: b.units }));
  return (
    <div className="h-56 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tickFormatter={(v) => formatCompact(locale, v)} tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => formatNumber(locale, Number(v))} />
          <Bar dataKey="units" name={t("dashboard.age.units")} isAnimationActive={false}>
            {data.map((_, i) => (
              <Cell key={i} fill={COLORS[i]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
