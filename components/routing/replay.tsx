"use client";
import { useEffect, useState, useTransition } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type ReplayView, replayAction } from "@/app/(console)/routing/actions";
import { formatCompact, formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { formatKm, formatMoney } from "@/lib/routing-ui/explain-text";
import { type LoadRow, loadComparison, metricRows } from "@/lib/routing-ui/replay-view";
import { useI18n } from "../i18n-provider";
import { SelectField } from "../channels/select-field";
import { TableHead } from "../table-head";
import { type Said, said } from "./said";

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
const SIZES = [100, 200, 500] as const;
const TOP_LOCATIONS = 12;

type Label = { code: string; version: number };

/** Elapsed seconds while `running`, for the progress line. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

/**
 * Replays the last N orders (optionally of one channel) on today's stock under the draft and under the active rules,
 * side by side: split rate, mean distance, shipping cost, back-orders, and each location's load.
 */
export function ReplayPanel({ strategyId, draft, baseline, channels }: { strategyId: number; draft: Label | null; baseline: Label | null; channels: { id: number; code: string; name: string }[] }) {
  const { t, locale } = useI18n();
  const [n, setN] = useState<string>("200");
  const [channelId, setChannelId] = useState("");
  const [result, setResult] = useState<ReplayView | null>(null);
  const [message, setMessage] = useState<Said | null>(null);
  const [pending, start] = useTransition();
  const elapsed = useElapsed(pending);

  function run(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    start(async () => {
      try {
        const r = await replayAction({ strategyId, n: Number(n), channelId: channelId ? Number(channelId) : null });
        if (!r.ok) return setMessage({ text: r.fieldErrors ? Object.values(r.fieldErrors).join(" ") : r.error });
        setResult(r.data);
      } catch {
        setMessage({ key: "routing.failed" });
      }
    });
  }

  const label = (l: Label | null, kind: "draft" | "active") => (l ? t(kind === "draft" ? "routing.replay.draftLabel" : "routing.replay.activeLabel", { code: l.code, version: l.version }) : "—");

  return (
    <div className="space-y-6">
      <form onSubmit={run} className={card} data-testid="replay-form">
        <div>
          <h2 className="text-lg font-medium">{t("routing.replay.title")}</h2>
          <p className="text-sm text-slate-500">{t("routing.replay.hint")}</p>
        </div>
        <p className="text-sm">
          <span className="font-medium">{label(draft, "draft")}</span> <span className="text-slate-500">{t("routing.replay.versus")}</span>{" "}
          <span className="font-medium">{label(baseline, "active")}</span>
        </p>
        {!draft && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("routing.replay.noDraft")}</p>}
        <div className="flex flex-wrap items-end gap-4">
          <SelectField label={t("routing.replay.n")} name="n" value={n} onChange={setN} className="w-44">
            {SIZES.map((s) => (
              <option key={s} value={String(s)}>
                {t("routing.replay.lastN", { n: formatNumber(locale, s) })}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("routing.replay.channel")} name="channel" value={channelId} onChange={setChannelId} className="w-64">
            <option value="">{t("routing.replay.allChannels")}</option>
            {channels.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.code} · {c.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" disabled={pending || !draft || !baseline} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? t("routing.replay.running") : t("routing.replay.run")}
          </button>
        </div>
        {pending && (
          <div role="status" className="flex items-center gap-3 text-sm text-slate-600" data-testid="replay-progress">
            <span className="h-2 w-40 overflow-hidden rounded-full bg-slate-100">
              <span className="block h-full w-1/3 animate-[replay_1.2s_ease-in-out_infinite] rounded-full bg-brand-500" />
            </span>
            {t("routing.replay.progress", { n: formatNumber(locale, Number(n)), seconds: elapsed })}
          </div>
        )}
        {message && (
          <p role="alert" className="text-sm text-red-600">
            {said(t, message)}
          </p>
        )}
      </form>
      <style>{`@keyframes replay { 0% { transform: translateX(-100%) } 100% { transform: translateX(300%) } }`}</style>

      {result && <ReplayResult result={result} t={t} locale={locale} />}
    </div>
  );
}

function ReplayResult({ result, t, locale }: { result: ReplayView; t: Translate; locale: Locale }) {
  const n = (v: number) => formatNumber(locale, v);
  const rows = metricRows(result);
  const load = loadComparison(result.draft.load, result.active.load, TOP_LOCATIONS);
  const draftName = t("routing.replay.draftLabel", { code: result.draft.label.code, version: result.draft.label.version });
  const activeName = t("routing.replay.activeLabel", { code: result.active.label.code, version: result.active.label.version });
  const show = (kind: (typeof rows)[number]["kind"], v: number) => {
    switch (kind) {
      case "splitRate":
        return `${formatNumber(locale, v * 100, 1)}%`;
      case "avgKm":
        return t("routing.km", { km: formatKm(locale, v) });
      case "shippingCents":
        return t("routing.money", { amount: formatMoney(locale, v) });
      default:
        return n(v);
    }
  };
  const delta = (kind: (typeof rows)[number]["kind"], d: number) => {
    if (d === 0) return "±0";
    const sign = d > 0 ? "+" : "−";
    const abs = Math.abs(d);
    switch (kind) {
      case "splitRate":
        return `${sign}${formatNumber(locale, abs * 100, 1)} ${t("routing.replay.points")}`;
      case "avgKm":
        return `${sign}${t("routing.km", { km: formatKm(locale, abs) })}`;
      case "shippingCents":
        return `${sign}${t("routing.money", { amount: formatMoney(locale, abs) })}`;
      default:
        return `${sign}${n(abs)}`;
    }
  };

  return (
    <div className="space-y-6" data-testid="replay-result">
      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("routing.replay.resultTitle", { n: n(result.orders) })}</h2>
          <p className="text-sm text-slate-500">{t("routing.replay.took", { seconds: formatNumber(locale, result.ms / 1000, 1) })}</p>
        </div>
        {result.orders === 0 ? (
          <p className="text-sm text-slate-500">{t("routing.replay.noOrders")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full max-w-4xl text-sm" data-testid="replay-metrics">
              <TableHead
                gap={3}
                columns={[
                  { label: t("routing.replay.metric") },
                  { label: draftName, align: "right" },
                  { label: activeName, align: "right" },
                  { label: t("routing.replay.delta"), align: "right" },
                ]}
              />
              <tbody>
                {rows.map((r) => (
                  <tr key={r.kind} className="border-b border-slate-100 last:border-0" data-metric={r.kind}>
                    <td className="py-2 pr-3">{t(`routing.replay.metric.${r.kind}`)}</td>
                    <td className="py-2 pr-3 text-right font-medium tabular-nums" data-testid="draft-value">
                      {show(r.kind, r.draft)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums" data-testid="active-value">
                      {show(r.kind, r.active)}
                    </td>
                    <td className={`py-2 text-right tabular-nums ${r.better === null ? "text-slate-400" : r.better ? "text-green-700" : "text-red-600"}`}>{delta(r.kind, r.delta)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {load.length > 0 && (
        <section className={card}>
          <div>
            <h2 className="text-lg font-medium">{t("routing.replay.loadTitle")}</h2>
            <p className="text-sm text-slate-500">{t("routing.replay.loadHint", { count: TOP_LOCATIONS })}</p>
          </div>
          <LoadChart rows={load} draftName={draftName} activeName={activeName} locale={locale} />
          <LoadTable rows={load} draftName={draftName} activeName={activeName} t={t} locale={locale} />
        </section>
      )}
    </div>
  );
}

function LoadChart({ rows, draftName, activeName, locale }: { rows: LoadRow[]; draftName: string; activeName: string; locale: Locale }) {
  return (
    <div className="h-80 w-full" data-testid="replay-load-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="code" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={56} />
          <YAxis tickFormatter={(v: number) => formatCompact(locale, v)} tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip formatter={(v) => formatNumber(locale, Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" itemSorter={null} />
          <Bar dataKey="draft" name={draftName} fill="#2f6fed" isAnimationActive={false} radius={[3, 3, 0, 0]} />
          <Bar dataKey="active" name={activeName} fill="#94a3b8" isAnimationActive={false} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function LoadTable({ rows, draftName, activeName, t, locale }: { rows: LoadRow[]; draftName: string; activeName: string; t: Translate; locale: Locale }) {
  const n = (v: number) => formatNumber(locale, v);
  return (
    <details className="rounded-lg border border-slate-200">
      <summary className="cursor-pointer rounded-lg px-3 py-2 text-sm font-medium text-brand-700 select-none hover:bg-slate-50">{t("routing.replay.loadTable")}</summary>
      <div className="overflow-x-auto border-t border-slate-200 p-3">
        <table className="w-full max-w-3xl text-sm" data-testid="replay-load">
          <TableHead
            gap={3}
            columns={[
              { label: t("routing.sim.col.location") },
              { label: `${draftName} · ${t("routing.replay.shipments")}`, align: "right" },
              { label: `${draftName} · ${t("routing.replay.units")}`, align: "right" },
              { label: `${activeName} · ${t("routing.replay.shipments")}`, align: "right" },
              { label: `${activeName} · ${t("routing.replay.units")}`, align: "right" },
            ]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className="border-b border-slate-100 last:border-0" data-code={r.code}>
                <td className="py-1.5 pr-3 font-mono text-xs">{r.code}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(r.draft)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(r.draftUnits)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(r.active)}</td>
                <td className="py-1.5 text-right tabular-nums">{n(r.activeUnits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
