"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { generateAction } from "@/app/(console)/transfers/actions";
import { formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

type Result = { proposed: number; skus: number; seconds: number };

/** HQ runs the suggestion engine: a progress bar (polled from /transfers/progress) while it runs, then the totals. */
export function GenerateSuggestions() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => { if (timer.current) clearInterval(timer.current); }, []);

  function run() {
    const id = crypto.randomUUID();
    setResult(null);
    setError(null);
    setProgress(null);
    timer.current = setInterval(async () => {
      try {
        const res = await fetch(`/transfers/progress?run=${id}`, { cache: "no-store" });
        if (res.ok) {
          const p = (await res.json()) as { done: number; total: number };
          if (p.total > 0) setProgress({ done: p.done, total: p.total });
        }
      } catch {
        // The next poll tries again.
      }
    }, 400);
    start(async () => {
      try {
        const r = await generateAction({ run: id });
        if (r.ok) {
          setResult(r.data);
          router.refresh();
        } else setError(r.error === "not_allowed" ? t("transfers.error.not_allowed") : r.error);
      } catch {
        setError(t("transfers.failed"));
      } finally {
        if (timer.current) clearInterval(timer.current);
        timer.current = null;
      }
    });
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <div className="space-y-2" data-testid="generate-suggestions">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={run} disabled={pending} className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60" data-testid="generate-button">
          {pending ? t("transfers.generate.running") : t("transfers.generate.button")}
        </button>
        {!pending && !result && !error && <span className="text-xs text-slate-500">{t("transfers.generate.hint")}</span>}
      </div>
      {pending && (
        <div className="w-80 space-y-1" role="status" aria-live="polite">
          <div className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div className={`h-full bg-brand-600 transition-all ${pct === null ? "w-1/3 animate-pulse" : ""}`} style={pct === null ? undefined : { width: `${pct}%` }} />
          </div>
          <p className="text-xs text-slate-500" data-testid="generate-progress">
            {progress ? t("transfers.generate.progress", { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) }) : t("transfers.generate.starting")}
          </p>
        </div>
      )}
      {result && (
        <p role="status" className="text-sm text-green-700" data-testid="generate-result">
          {t("transfers.generate.done", { proposed: formatNumber(locale, result.proposed), skus: formatNumber(locale, result.skus), seconds: formatNumber(locale, result.seconds, 1) })}
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
