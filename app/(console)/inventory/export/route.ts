import { parseGridQuery } from "@/lib/inventory/grid-query";
import { CSV_COLUMNS, csvRow, exportGridRows } from "@/lib/server/inventory/export";
import { AccessDenied, authorize } from "@/lib/server/permissions";
import { csvLine, UTF8_BOM } from "@/lib/inventory/csv";

// GET /inventory/export?<grid filters>: every matching stock level as CSV, streamed batch by batch, for the
// caller's scope (a brand partner's file holds their brand only).

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  let scope;
  try {
    ({ scope } = await authorize("inventory"));
  } catch (error) {
    if (error instanceof AccessDenied) return new Response(`${error.message}\n`, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const { query, problems } = parseGridQuery(new URL(request.url).searchParams);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${p.param}=${JSON.stringify(p.value)}: ${p.message}`);
    return new Response(`Bad filter parameters:\n${lines.join("\n")}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  const now = new Date();
  const encoder = new TextEncoder();
  const batches = exportGridRows(scope, query, now);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(UTF8_BOM + csvLine(CSV_COLUMNS)));
    },
    // One batch per pull: a slow client slows the queries instead of filling memory.
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inventory-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
