import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { previewTotals, type PreviewLine, type PreviewTotals } from "@/lib/intake/preview";
import { normalizeProblems, type Problem } from "@/lib/intake/problems";
import { findDuplicates } from "@/lib/intake/rows";
import { modeOf, validateRows, type ImportType, type RawRow } from "@/lib/intake/schema";
import { db } from "../db";
import { AdjustmentRefused } from "../stock/adjustments";
import { adjustStockIn, type AdjustmentProblem } from "../stock/adjustments";
import { assertIntakeAllowed } from "./permissions";
import { checkAgainstStock } from "./resolve";

const CSV_FIELDS = { location: "location_code", sku: "sku_code" };
const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

export type ChunkCheck = { problems: Problem[]; lines: PreviewLine[] };

/** Every check an import gets, without writing: format, duplicates, codes, and the effect on today's stock. */
async function check(user: SessionUser, type: ImportType, rows: RawRow[], now: Date) {
  const scope = assertIntakeAllowed(user);
  const format = validateRows(type, rows, now);
  const stock = await checkAgainstStock(db(), scope, type, format.valid, CSV_FIELDS);
  return { ...stock, problems: normalizeProblems([...format.problems, ...findDuplicates(rows), ...stock.problems]) };
}

/**
 * Checks one slice of an import (the browser sends a large file in slices, to show progress). Duplicates are
 * found within the slice here; the browser checks them across the whole file, and apply checks everything again.
 */
export async function validateImportChunk(user: SessionUser, input: { type: ImportType; rows: RawRow[] }, now = new Date()): Promise<ChunkCheck> {
  const { problems, lines } = await check(user, input.type, input.rows, now);
  return { problems, lines };
}

export type ApplyInput = { type: ImportType; reason: string; reference: string | null; rows: RawRow[] };
export type ApplyOutcome =
  | { ok: true; lines: PreviewLine[]; totals: PreviewTotals }
  | { ok: false; problems: Problem[] };

/**
 * Applies an import all-or-nothing, in one transaction. The rows are checked again from scratch (the
 * browser's earlier checks are not trusted, and stock may have moved since the preview): any problem, and
 * nothing is written.
 */
export async function applyImport(user: SessionUser, input: ApplyInput, now = new Date()): Promise<ApplyOutcome> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, problems: [{ row: 0, field: "reason", value: "", code: "required" }] };
  if (input.rows.length === 0) return { ok: false, problems: [{ row: 0, field: "file", value: "", code: "noRows" }] };
  const checked = await check(user, input.type, input.rows, now);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems };

  const rowOf = new Map(checked.resolved.map((r) => [`${r.locationId}:${r.skuId}`, r]));
  const previewOf = new Map(checked.lines.map((l) => [l.row, l]));
  try {
    const result = await db().$transaction(
      (tx) =>
        adjustStockIn(tx, {
          type: input.type,
          actor: user.email,
          reason,
          reference: input.reference?.trim() || null,
          lines: checked.resolved.map((r) => ({
            locationId: r.locationId,
            skuId: r.skuId,
            mode: modeOf(input.type),
            quantity: r.quantity,
            reference: r.reference,
            lotReceivedAt: r.receivedAt,
            lotExpiresOn: r.expiresOn,
          })),
        }),
      TX_OPTIONS,
    );
    const lines = result.applied
      .map((a): PreviewLine => {
        const r = rowOf.get(`${a.locationId}:${a.skuId}`)!;
        const seen = previewOf.get(r.row);
        return {
          row: r.row, location: r.location, sku: r.sku, quantity: r.quantity,
          onHandBefore: a.onHandBefore, onHandAfter: a.onHandAfter, reserved: seen?.reserved ?? 0, isNew: seen?.isNew ?? false,
        };
      })
      .sort((a, b) => a.row - b.row);
    return { ok: true, lines, totals: previewTotals(lines) };
  } catch (error) {
    if (!(error instanceof AdjustmentRefused)) throw error;
    // Stock moved between the check and the locked apply (an order reserved units meanwhile).
    return {
      ok: false,
      problems: normalizeProblems(
        (error.problems as AdjustmentProblem[]).map((p) => {
          const r = checked.resolved[p.line - 1];
          return {
            row: r.row, field: "quantity", value: String(r.quantity), code: "belowReserved" as const,
            vars: { before: p.onHandBefore ?? 0, after: p.onHandAfter ?? 0, reserved: p.reserved ?? 0 },
          };
        }),
      ),
    };
  }
}
