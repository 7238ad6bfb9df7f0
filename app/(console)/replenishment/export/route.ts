import { csvLine, UTF8_BOM } from "@/lib/inventory/csv";
import { AccessDenied, authorize } from "@/lib/server/permissions";
import { REPLENISHMENT_CSV_COLUMNS, replenishmentCsvRow } from "@/lib/server/replenishment/csv";
import { asOfMinute, exportReplenishment } from "@/lib/server/replenishment/data";
import { parseReplenishmentQuery } from "@/lib/server/replenishment/query";

// GET /replenishment/export?<page filters>: every line of the current filter (not just the page) as CSV, in the
// table's order. One location at a time (≤ one line per SKU), so the file is built in memory.

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request): Promise<Response> {
  let scope;
  try {
    ({ scope } = await authorize("replenishment"));
  } catch (error) {
    if (error instanceof AccessDenied) return text(`${error.message}\n`, error.status);
    throw error;
  }
  const { query, problems } = parseReplenishmentQuery(new URL(request.url).searchParams);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${p.param}=${JSON.stringify(p.value)}: ${p.message}`);
    return text(`Bad filter parameters:\n${lines.join("\n")}\n`, 400);
  }
  const now = asOfMinute();
  const result = await exportReplenishment(scope, query, now);
  // Another store's (or an unknown) location: the same answer, so other stores are not even confirmed.
  if (!result) return text("No such location.\n", 404);
  const body = UTF8_BOM + csvLine(REPLENISHMENT_CSV_COLUMNS) + result.lines.map((l) => replenishmentCsvRow(result.location.code, l)).join("");
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="replenishment-${result.location.code}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
