"use client";
import { CartesianGrid, LabelList, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { CandidateRow } from "@/lib/routing-ui/candidate-ranks";
import { kmText } from "@/lib/routing-ui/explain-text";
import { useI18n } from "../i18n-provider";

type Point = { lng: number; lat: number; code: string; km: number | null };

/**
 * The candidates by longitude and latitude: the destination (red), the locations in the winning plan or offered for
 * pickup (green, labelled), the others that competed (blue) and those a filter left out (grey).
 */
export function CandidateMap({ rows, destination }: { rows: CandidateRow[]; destination: { lat: number; lng: number } }) {
  const { t, locale } = useI18n();
  const point = (r: CandidateRow): Point => ({ lng: r.lng, lat: r.lat, code: r.code, km: r.km });
  const chosen = rows.filter((r) => r.status === "winner" || r.status === "offered").map(point);
  const competed = rows.filter((r) => r.status === "considered" || r.status === "notChosen").map(point);
  const filtered = rows.filter((r) => !["winner", "offered", "considered", "notChosen"].includes(r.status)).map(point);
  const dest: Point[] = [{ lng: destination.lng, lat: destination.lat, code: t("routing.sim.destination"), km: null }];
  const pad = (values: number[], min: number) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const margin = Math.max(min, (hi - lo) * 0.08);
    return [Math.floor((lo - margin) * 2) / 2, Math.ceil((hi + margin) * 2) / 2];
  };
  const all = [...rows.map(point), ...dest];
  const [x0, x1] = pad(all.map((p) => p.lng), 0.5);
  const [y0, y1] = pad(all.map((p) => p.lat), 0.5);
  const fmt = (v: number) => v.toFixed(1);

  return (
    <div className="h-96 w-full" data-testid="candidate-map">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 12, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" dataKey="lng" name={t("routing.sim.lng")} domain={[x0, x1]} tickFormatter={fmt} tick={{ fontSize: 11 }} unit="°E" />
          <YAxis type="number" dataKey="lat" name={t("routing.sim.lat")} domain={[y0, y1]} tickFormatter={fmt} tick={{ fontSize: 11 }} unit="°N" width={56} />
          <ZAxis range={[60, 60]} />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as Point | undefined;
              if (!p) return null;
              return (
                <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                  <p className="font-mono font-medium">{p.code}</p>
                  {p.km !== null && <p className="text-slate-600">{kmText(t, locale, p.km)}</p>}
                </div>
              );
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Scatter name={t("routing.sim.map.filtered")} data={filtered} fill="#cbd5e1" isAnimationActive={false} />
          <Scatter name={t("routing.sim.map.competed")} data={competed} fill="#2f6fed" isAnimationActive={false} />
          <Scatter name={t("routing.sim.map.chosen")} data={chosen} fill="#16a34a" shape="diamond" isAnimationActive={false}>
            <LabelList dataKey="code" position="top" style={{ fontSize: 11, fill: "#166534", fontWeight: 600 }} />
          </Scatter>
          <Scatter name={t("routing.sim.destination")} data={dest} fill="#dc2626" shape="star" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
