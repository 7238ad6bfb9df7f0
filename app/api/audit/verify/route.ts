import { accessDenied } from "@/lib/server/api/errors";
import { AccessDenied, authorize } from "@/lib/server/permissions";
import { verifyLedger } from "@/lib/server/stock/ledger-verify";

// Streams progress while the whole ledger is verified: NDJSON lines {"progress":0.42} … then {"report":{…}}.
export async function POST() {
  try {
    await authorize("audit");
  } catch (error) {
    if (error instanceof AccessDenied) return accessDenied(error);
    throw error;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(JSON.stringify(o) + "\n"));
      try {
        const report = await verifyLedger((progress) => send({ progress }));
        send({ report });
      } catch (error) {
        send({ error: (error as Error).message });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
