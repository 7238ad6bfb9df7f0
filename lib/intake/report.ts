// The validation report and preview of an import, put together from the chunks the server checked.
import type { MessageKey, Translate } from "@/lib/i18n";
import { previewTotals, type PreviewLine, type PreviewTotals } from "./preview";
import { normalizeProblems, problemKey, type Problem } from "./problems";

export type ImportReport = {
  totalRows: number;
  problems: Problem[];
  /** Distinct rows with at least one problem (file-level problems count as none). */
  badRows: number;
  lines: PreviewLine[];
  totals: PreviewTotals;
  /** Only a file without a single problem may be applied. */
  canApply: boolean;
};

export function buildReport(totalRows: number, problems: Problem[], lines: PreviewLine[]): ImportReport {
  const sorted = normalizeProblems(problems);
  const sortedLines = [...lines].sort((a, b) => a.row - b.row);
  const badRows = new Set(sorted.filter((p) => p.row > 0 && p.field !== "file").map((p) => p.row)).size;
  return {
    totalRows,
    problems: sorted,
    badRows,
    lines: sortedLines,
    totals: previewTotals(sortedLines),
    canApply: totalRows > 0 && sorted.length === 0 && sortedLines.length === totalRows,
  };
}

/** A problem as a sentence in the reader's language, e.g. for logs and tests (the UI shows it in a table). */
export function describeProblem(p: Problem, t: Translate): string {
  const why = t(problemKey(p.code) as MessageKey, { value: p.value, ...p.vars });
  const where = p.row > 0 ? t("intake.report.where", { row: p.row, field: p.field }) : p.field;
  return t("intake.report.sentence", { where, why });
}
