// Units moving between regions (open transfers), shaped for a stacked bar chart: one bar per source region,
// one stack per destination region. Pure.

export type RegionFlow = { fromRegion: string; toRegion: string; units: number; transfers: number };
export type FlowBar = { from: string; total: number } & Record<string, number | string>;

export function flowBars(flows: RegionFlow[], regionOrder: readonly string[]): { bars: FlowBar[]; destinations: string[] } {
  const rank = (r: string) => {
    const i = regionOrder.indexOf(r);
    return i < 0 ? regionOrder.length : i;
  };
  const byRank = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  const sources = [...new Set(flows.map((f) => f.fromRegion))].sort(byRank);
  const destinations = [...new Set(flows.map((f) => f.toRegion))].sort(byRank);
  const bars = sources.map((from) => {
    const bar: FlowBar = { from, total: 0 };
    for (const d of destinations) bar[d] = 0;
    for (const f of flows) {
      if (f.fromRegion !== from) continue;
      bar[f.toRegion] = (bar[f.toRegion] as number) + f.units;
      bar.total += f.units;
    }
    return bar;
  });
  return { bars, destinations };
}
