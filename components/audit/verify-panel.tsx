"use client";
import { useState } from "react";
import { formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

type Problem = { locationId: number; skuId: number; seq: number; problem: string };
type Report = { ok: boolean; entries: number; seconds: number; problems: Problem[] };

/** Runs the full ledger verification on the server and shows its progress as it streams in. */
export function VerifyPanel() {
  const { t, locale } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function verify() {
    setProgress(0);
    setReport(null);
    setFailure(null);
    try {
      const res = await fetch("/api/audit/verify", { method: "POST" });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const msg = JSON.parse(line);
          if (msg.progress !== undefined) setProgress(msg.progress);
          if (msg.report) setReport(msg.report);
          if (msg.error) setFailure(msg.error);
        }
      }
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={verify}
        disabled={progress !== null}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {progress !== null ? t("audit.chain.verifying", { percent: Math.round(progress * 100) }) : t("audit.chain.verify")}
      </button>
      {progress !== null && (
        <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-brand-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {report?.ok && (
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="verify-ok">
          {t("audit.chain.ok", { entries: formatNumber(locale, report.entries), seconds: formatNumber(locale, report.seconds, 1) })}
        </p>
      )}
      {report && !report.ok && (
        <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="verify-broken">
          <p className="font-medium">{t("audit.chain.broken", { count: report.problems.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {report.problems.slice(0, 20).map((p, i) => (
              <li key={i}>
                location {p.locationId} · SKU {p.skuId}{p.seq ? ` · #${p.seq}` : ""}: {p.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && <p className="text-sm text-red-600">{t("audit.chain.failed", { message: failure })}</p>}
    </div>
  );
}
