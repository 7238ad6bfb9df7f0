"use client";
import { useMemo, useRef, useState } from "react";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { useI18n } from "@/components/i18n-provider";
import { TableHead } from "@/components/table-head";
import { formatNumber } from "@/lib/i18n";
import { MAX_IMPORT_ROWS, parseCsv } from "@/lib/intake/csv";
import type { PreviewLine, PreviewTotals } from "@/lib/intake/preview";
import type { Problem } from "@/lib/intake/problems";
import { buildReport, type ImportReport } from "@/lib/intake/report";
import type { ApplyResponse, ChunkResponse } from "@/lib/intake/results";
import { chunk, findDuplicates } from "@/lib/intake/rows";
import { IMPORT_TYPES, type ImportType, type RawRow } from "@/lib/intake/schema";
import { encodeRows, MAX_WIRE_BYTES, wireBytes, type WireRows } from "@/lib/intake/wire";
import { Field } from "./field";
import { Pager, PAGE_SIZE } from "./pager";
import { ProgressBar } from "./progress-bar";
import { TypePicker } from "./type-picker";
import { useProblemText } from "./use-problem-text";

/** Rows per validation call: small enough for steady progress, large enough to keep round trips few. */
export const CHUNK_ROWS = 1_000;

export type ImportActions = {
  validateChunk: (input: { type: ImportType; rows: WireRows }) => Promise<ChunkResponse>;
  apply: (input: { type: ImportType; reason: string; reference: string; rows: WireRows }) => Promise<ApplyResponse>;
};

type Loaded = { name: string; rows: RawRow[]; fileProblems: Problem[] };
type Stage =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "validating"; done: number; total: number }
  | { kind: "validated"; report: ImportReport }
  | { kind: "applying"; report: ImportReport }
  | { kind: "applied"; lines: PreviewLine[]; totals: PreviewTotals }
  | { kind: "refused"; report: ImportReport };

/**
 * The preview shows once every row is readable and known; then the only problems left are rows that would go
 * below reserved, flagged in it. Before that, totals over half-valid rows would mislead.
 */
const showPreview = (r: ImportReport) =>
  r.lines.length === r.totalRows && r.totalRows > 0 && r.problems.every((p) => p.code === "belowReserved");

/** Problems that make the rows meaningless (wrong columns, too big): report them without asking the server. */
const FILE_BLOCKERS = new Set<Problem["code"]>(["missingColumn", "unknownColumn", "duplicateColumn", "noRows", "tooManyRows", "fileTooLarge", "unreadable"]);

export function CsvImport({ actions, exampleLocation }: { actions: ImportActions; exampleLocation: string }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  const [type, setType] = useState<ImportType>("COUNT");
  const [reason, setReason] = useState("");
  const [reference, setReference] = useState("");
  const [file, setFile] = useState<Loaded | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const run = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  async function validate(loaded: Loaded, as: ImportType) {
    const id = ++run.current;
    const { rows } = loaded;
    const problems: Problem[] = [...loaded.fileProblems];
    if (rows.length > 0 && wireBytes(encodeRows(rows)) > MAX_WIRE_BYTES) {
      problems.push({ row: 0, field: "file", value: loaded.name, code: "fileTooLarge" });
    }
    if (problems.some((p) => FILE_BLOCKERS.has(p.code))) {
      setStage({ kind: "validated", report: buildReport(rows.length, problems, []) });
      return;
    }
    // Across the whole file; each server call only sees its own slice.
    problems.push(...findDuplicates(rows));
    const lines: PreviewLine[] = [];
    setStage({ kind: "validating", done: 0, total: rows.length });
    let done = 0;
    for (const slice of chunk(rows, CHUNK_ROWS)) {
      let res: ChunkResponse;
      try {
        res = await actions.validateChunk({ type: as, rows: encodeRows(slice) });
      } catch {
        res = { ok: false, problems: [{ row: 0, field: "_", value: "", code: "failed" }] };
      }
      if (id !== run.current) return; // a newer file or type took over
      if (!res.ok) {
        setStage({ kind: "validated", report: buildReport(rows.length, [...problems, ...res.problems], []) });
        return;
      }
      problems.push(...res.problems);
      lines.push(...res.lines);
      done += slice.length;
      setStage({ kind: "validating", done, total: rows.length });
    }
    setStage({ kind: "validated", report: buildReport(rows.length, problems, lines) });
  }

  async function onFile(f: File | undefined) {
    run.current++;
    if (!f) {
      setFile(null);
      setStage({ kind: "idle" });
      return;
    }
    setStage({ kind: "reading" });
    const parsed = parseCsv(await f.text());
    const loaded = { name: f.name, rows: parsed.rows, fileProblems: parsed.problems };
    setFile(loaded);
    await validate(loaded, type);
  }

  async function apply(report: ImportReport) {
    if (!file) return;
    setStage({ kind: "applying", report });
    let res: ApplyResponse;
    try {
      res = await actions.apply({ type, reason, reference, rows: encodeRows(file.rows) });
    } catch {
      res = { ok: false, problems: [{ row: 0, field: "_", value: "", code: "failed" }] };
    }
    if (res.ok) setStage({ kind: "applied", lines: res.lines, totals: res.totals });
    else setStage({ kind: "refused", report: buildReport(file.rows.length, res.problems, report.lines) });
  }

  function reset() {
    run.current++;
    setFile(null);
    setStage({ kind: "idle" });
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  }

  const template = useMemo(() => {
    const text =
      type === "COUNT"
        ? `location_code,sku_code,quantity,reference\n${exampleLocation},SKU-CODE,12,COUNT-2026-11\n`
        : `location_code,sku_code,quantity,reference,received_at,expires_on\n${exampleLocation},SKU-CODE,24,PO-4711,2026-11-20,\n`;
    return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
  }, [type, exampleLocation]);

  const busy = stage.kind === "reading" || stage.kind === "validating" || stage.kind === "applying";
  const report = stage.kind === "validated" || stage.kind === "applying" || stage.kind === "refused" ? stage.report : null;
  const step =
    stage.kind === "idle" || stage.kind === "reading"
      ? 0
      : stage.kind === "validating" || (stage.kind === "validated" && !stage.report.canApply)
        ? 1
        : stage.kind === "applied"
          ? 4
          : stage.kind === "applying" || stage.kind === "refused"
            ? 3
            : 2;
  const stepFailed = (stage.kind === "validated" && !stage.report.canApply) || stage.kind === "refused";

  // Between the totals and the row-by-row table: the decision right after the summary it rests on.
  const applyBar = report && stage.kind !== "refused" && (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          data-testid="apply-import"
          disabled={!report.canApply || !reason.trim() || busy}
          onClick={() => void apply(report)}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-100 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
        >
          {stage.kind === "applying" ? t("intake.form.submitting") : t("intake.csv.apply", { count: n(report.totalRows) })}
        </button>
        <p className="text-sm text-slate-600" data-testid="apply-hint">
          {!report.canApply ? t("intake.csv.applyBlocked") : !reason.trim() ? t("intake.csv.needReason") : t("intake.csv.allOrNothing")}
        </p>
      </div>
      {stage.kind === "applying" && (
        <div className="space-y-1" aria-live="polite">
          <p className="text-sm text-slate-600">{t("intake.csv.applying", { count: n(report.totalRows) })}</p>
          <ProgressBar label={t("intake.csv.progress")} testId="apply-progress" />
        </div>
      )}
    </div>
  );

  return (
    <div className="space-y-5" data-testid="csv-import">
      <Steps current={step} failed={stepFailed} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TypePicker
          legend={t("intake.csv.type")}
          name="import-type"
          value={type}
          onChange={(next) => {
            setType(next);
            if (file && stage.kind !== "applied") void validate(file, next);
          }}
          options={IMPORT_TYPES.map((v) => ({ value: v, label: t(`intake.type.${v}`), hint: t(`intake.csv.type.${v}`) }))}
          testId="import-type"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("intake.form.reason")} hint={t("intake.form.reasonHint")} name="import-reason" maxLength={500} value={reason} onChange={setReason} />
          <Field label={t("intake.csv.reference")} hint={t("intake.csv.referenceHint")} name="import-reference" maxLength={200} value={reference} onChange={setReference} />
        </div>
      </div>

      <div className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
        <p className="text-sm font-medium text-slate-700">{t("intake.csv.file")}</p>
        {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <input
            id="intake-csv-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            disabled={busy}
            data-testid="csv-file"
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="peer sr-only"
          />
          <label
            htmlFor="intake-csv-file"
            className="cursor-pointer rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm peer-focus-visible:ring-2 peer-focus-visible:ring-brand-100 peer-disabled:cursor-not-allowed peer-disabled:opacity-50 hover:bg-brand-700"
          >
            {t("intake.csv.choose")}
          </label>
          <span className="text-sm text-slate-700" data-testid="csv-file-name">
            {file ? t("intake.csv.fileName", { name: file.name, rows: n(file.rows.length) }) : t("intake.csv.noFile")}
          </span>
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {t("intake.csv.fileHint", { max: n(MAX_IMPORT_ROWS) })}{" "}
          <a href={template} download={`intake-${type.toLowerCase()}-template.csv`} className="text-brand-600 hover:underline">
            {t("intake.csv.template")}
          </a>
        </p>
      </div>

      <div aria-live="polite">
        {stage.kind === "reading" && <ProgressBar label={t("intake.csv.reading")} testId="validate-progress" />}
        {stage.kind === "validating" && (
          <div className="space-y-1">
            <p className="text-sm text-slate-600" data-testid="validate-status">
              {t("intake.csv.validating", { done: n(stage.done), total: n(stage.total) })}
            </p>
            <ProgressBar value={stage.done} max={stage.total} label={t("intake.csv.progress")} testId="validate-progress" />
          </div>
        )}
      </div>

      {report && stage.kind !== "applied" && (
        <Report
          report={report}
          refused={stage.kind === "refused"}
          onRevalidate={file && !busy ? () => void validate(file, type) : undefined}
        />
      )}

      {report && !showPreview(report) && applyBar}

      {report && showPreview(report) && stage.kind !== "applied" && (
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="import-preview">
          <h2 className="font-medium">{t("intake.csv.preview.title")}</h2>
          <p className="mb-3 text-xs text-slate-500">{t("intake.csv.preview.hint")}</p>
          <Totals totals={report.totals} />
          <div className="mb-4">{applyBar}</div>
          <LinesTable lines={report.lines} flagged={new Set(report.problems.filter((p) => p.code === "belowReserved").map((p) => p.row))} />
        </section>
      )}

      {stage.kind === "applied" && (
        <section className="space-y-4" data-testid="import-result">
          <div className="rounded-xl border border-emerald-200 bg-emerald-50 p-4" role="status">
            <p className="font-medium text-emerald-800" data-testid="import-applied">
              {t("intake.csv.applied", { count: n(stage.totals.rows), in: n(stage.totals.unitsIn), out: n(stage.totals.unitsOut) })}
            </p>
            <ProgressBar value={1} max={1} label={t("intake.csv.progress")} testId="apply-progress" />
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-3 font-medium">{t("intake.csv.result.title")}</h2>
            <Totals totals={stage.totals} />
            <LinesTable lines={stage.lines} flagged={new Set()} />
          </div>
          <button
            type="button"
            onClick={reset}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t("intake.csv.reset")}
          </button>
        </section>
      )}
    </div>
  );
}

function Steps({ current, failed }: { current: number; failed: boolean }) {
  const { t } = useI18n();
  const steps = ["upload", "validate", "preview", "apply"] as const;
  return (
    <ol className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("intake.csv.steps")} data-testid="import-steps">
      {steps.map((s, i) => {
        const state = i < current ? "done" : i === current ? (failed ? "failed" : "current") : "todo";
        return (
          <li key={s} className="flex items-center gap-2" aria-current={i === current ? "step" : undefined} data-state={state}>
            <span
              className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${
                state === "done"
                  ? "bg-emerald-600 text-white"
                  : state === "current"
                    ? "bg-brand-600 text-white"
                    : state === "failed"
                      ? "bg-red-600 text-white"
                      : "bg-slate-200 text-slate-600"
              }`}
            >
              {state === "done" ? "✓" : state === "failed" ? "!" : i + 1}
            </span>
            <span className={state === "todo" ? "text-slate-500" : "font-medium"}>{t(`intake.csv.step.${s}`)}</span>
            {i < steps.length - 1 && <span className="mx-1 h-px w-6 bg-slate-300" aria-hidden />}
          </li>
        );
      })}
    </ol>
  );
}

function Report({ report, refused, onRevalidate }: { report: ImportReport; refused: boolean; onRevalidate?: () => void }) {
  const { t, locale } = useI18n();
  const problemText = useProblemText();
  const [wanted, setPage] = useState(0);
  const page = Math.min(wanted, Math.max(0, Math.ceil(report.problems.length / PAGE_SIZE) - 1));
  const n = (v: number) => formatNumber(locale, v);
  const ok = report.problems.length === 0;
  const visible = report.problems.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <section
      className={`rounded-xl border p-4 shadow-sm ${ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-white"}`}
      data-testid="import-report"
      data-problems={report.problems.length}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">{t("intake.report.title")}</h2>
        {onRevalidate && (
          <button type="button" onClick={onRevalidate} className="text-sm text-brand-600 hover:underline">
            {t("intake.csv.revalidate")}
          </button>
        )}
      </div>
      {ok ? (
        <p className="text-sm text-emerald-800" data-testid="report-summary">
          {t("intake.report.ok", { total: n(report.totalRows) })}
        </p>
      ) : (
        <>
          <div className="text-sm" data-testid="report-summary">
            {refused && <p className="font-medium text-red-700">{t("intake.csv.refused")}</p>}
            <p className="font-medium text-red-700">
              {report.badRows > 0
                ? t("intake.report.summary", { problems: n(report.problems.length), rows: n(report.badRows), total: n(report.totalRows) })
                : t("intake.report.fileSummary", { problems: n(report.problems.length) })}
            </p>
            {!refused && <p className="text-slate-600">{t("intake.report.nothingChanged")}</p>}
          </div>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm" data-testid="report-table">
              <TableHead
                columns={[
                  { label: t("intake.report.col.row") },
                  { label: t("intake.report.col.field") },
                  { label: t("intake.report.col.value") },
                  { label: t("intake.report.col.problem") },
                ]}
              />
              <tbody>
                {visible.map((p) => (
                  <tr key={`${p.row}-${p.field}-${p.code}`} className="border-b border-slate-100 last:border-0" data-row={p.row} data-code={p.code}>
                    <td className="py-2 pr-4 tabular-nums">{p.row > 0 ? p.row : "—"}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{p.field === "file" || p.field === "_" ? t("intake.report.wholeFile") : p.field}</td>
                    <td className="max-w-48 truncate py-2 pr-4 font-mono text-xs" title={p.value}>
                      {p.value}
                    </td>
                    <td className="py-2 text-red-700">{problemText(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={report.problems.length} onPage={setPage} testId="report-pager" />
        </>
      )}
    </section>
  );
}

function Totals({ totals }: { totals: PreviewTotals }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  const signed = (v: number) => (v > 0 ? `+${n(v)}` : n(v));
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="import-totals">
      <KpiCard testId="total-rows" label={t("intake.csv.totals.rows")} value={n(totals.rows)} />
      <KpiCard testId="total-in" label={t("intake.csv.totals.unitsIn")} value={n(totals.unitsIn)} />
      <KpiCard testId="total-out" label={t("intake.csv.totals.unitsOut")} value={n(totals.unitsOut)} />
      <KpiCard testId="total-net" label={t("intake.csv.totals.net")} value={signed(totals.net)} />
      <KpiCard testId="total-new" label={t("intake.csv.totals.newLevels")} value={n(totals.newStockLevels)} />
    </div>
  );
}

function LinesTable({ lines, flagged }: { lines: PreviewLine[]; flagged: Set<number> }) {
  const { t, locale } = useI18n();
  const [wanted, setPage] = useState(0);
  const page = Math.min(wanted, Math.max(0, Math.ceil(lines.length / PAGE_SIZE) - 1));
  const n = (v: number) => formatNumber(locale, v);
  const visible = lines.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="lines-table">
          <TableHead
            columns={[
              { label: t("intake.csv.col.row") },
              { label: t("intake.csv.col.location") },
              { label: t("intake.csv.col.sku") },
              { label: t("intake.csv.col.quantity"), align: "right" },
              { label: t("intake.csv.col.onHand"), align: "right" },
              { label: t("intake.csv.col.reserved"), align: "right" },
            ]}
          />
          <tbody>
            {visible.map((l) => {
              const bad = flagged.has(l.row);
              const change = l.onHandAfter - l.onHandBefore;
              return (
                <tr
                  key={l.row}
                  className={`border-b border-slate-100 last:border-0 ${bad ? "bg-red-50 text-red-800" : ""}`}
                  data-testid={`line-${l.row}`}
                  data-flagged={bad || undefined}
                >
                  <td className="py-2 pr-4 tabular-nums">{l.row}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{l.location}</td>
                  <td className="py-2 pr-4 font-mono text-xs">
                    {l.sku}
                    {l.isNew && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-sans text-[10px] text-slate-600 uppercase">{t("intake.csv.new")}</span>}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{n(l.quantity)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums whitespace-nowrap">
                    <span data-testid="before">{n(l.onHandBefore)}</span> →{" "}
                    <span data-testid="after" className="font-semibold">{n(l.onHandAfter)}</span>
                    {change !== 0 && (
                      <span className={`ml-2 text-xs ${change > 0 ? "text-emerald-700" : "text-amber-700"}`}>
                        ({change > 0 ? "+" : ""}{n(change)})
                      </span>
                    )}
                  </td>
                  <td className="py-2 text-right tabular-nums">{n(l.reserved)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} total={lines.length} onPage={setPage} testId="lines-pager" />
    </>
  );
}
