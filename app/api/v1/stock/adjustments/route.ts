import { NextResponse, type NextRequest } from "next/server";
import { apiError, zodFields } from "@/lib/server/api/errors";
import { IdempotencyConflict, once } from "@/lib/server/api/idempotency";
import { readJson, requireCaller, requireIdempotencyKey } from "@/lib/server/api/request";
import { adjustmentBody, applyAdjustment } from "@/lib/server/api/stock-adjustments";

// POST /api/v1/stock/adjustments — receipts, adjustments, counts and returns from integrations.
// Authorization: Bearer <API key>; Idempotency-Key: <unique per adjustment>. Errors are JSON.
export async function POST(request: NextRequest) {
  const who = await requireCaller(request);
  if (!who.ok) return who.response;
  const caller = who.value;
  const idem = requireIdempotencyKey(request);
  if (!idem.ok) return idem.response;
  const key = idem.value;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const json = body.value;
  const parsed = adjustmentBody.safeParse(json);
  if (!parsed.success) return apiError(422, "invalid_body", "The adjustment is not valid; nothing was changed.", zodFields(parsed.error, json));

  class Rejected extends Error {
    constructor(readonly response: NextResponse) {
      super("rejected");
    }
  }
  try {
    const result = await once(`stock-adjustments:key-${caller.keyId}`, key, parsed.data, async (tx) => {
      const outcome = await applyAdjustment(tx, parsed.data, `api:${caller.name}`);
      // Refusals roll the transaction back and are not stored: the client may correct and retry.
      if (outcome.status !== 201) throw new Rejected(apiError(outcome.status, outcome.code, outcome.message, outcome.fields));
      return outcome;
    });
    return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    if (error instanceof Rejected) return error.response;
    if (error instanceof IdempotencyConflict) return apiError(422, "idempotency_key_reused", error.message);
    console.error("POST /api/v1/stock/adjustments", error);
    return apiError(500, "internal", "Something went wrong on our side; nothing was changed. Retry with the same Idempotency-Key.");
  }
}
