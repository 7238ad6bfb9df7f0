import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { apiError } from "./errors";
import { type ApiCaller, authenticateApiKey } from "./keys";

type Ok<T> = { ok: true; value: T };
type Err = { ok: false; response: NextResponse };

/** The caller behind the Authorization header, or the 401 to answer. */
export async function requireCaller(request: NextRequest): Promise<Ok<ApiCaller> | Err> {
  const caller = await authenticateApiKey(request.headers.get("authorization"));
  return caller ? { ok: true, value: caller } : { ok: false, response: apiError(401, "unauthorized", "A valid API key is required: Authorization: Bearer yp_…") };
}

/** The Idempotency-Key header every writing call needs, or the 400 to answer. */
export function requireIdempotencyKey(request: NextRequest): Ok<string> | Err {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key || key.length > 200) {
    return { ok: false, response: apiError(400, "idempotency_key_required", "Send an Idempotency-Key header (1–200 characters) so that retries are safe.") };
  }
  return { ok: true, value: key };
}

export async function readJson(request: NextRequest): Promise<Ok<unknown> | Err> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.") };
  }
}

/**
 * A channel's order call: a key that belongs to an active channel, an Idempotency-Key and a JSON body — or the
 * answer that says which is missing (checked in that order, so a stranger learns nothing about channels).
 */
export async function requireChannelOrderCall(
  request: NextRequest,
): Promise<Ok<{ caller: ApiCaller; channel: { id: number; code: string }; key: string; json: unknown }> | Err> {
  const who = await requireCaller(request);
  if (!who.ok) return who;
  if (who.value.channelId === null) {
    return { ok: false, response: apiError(403, "channel_key_required", "Orders come from a channel: use a key created on the channel's page.") };
  }
  const idem = requireIdempotencyKey(request);
  if (!idem.ok) return idem;
  const body = await readJson(request);
  if (!body.ok) return body;
  const channel = who.value.channel;
  if (!channel) return { ok: false, response: apiError(403, "channel_key_required", "This key's channel no longer exists.") };
  if (!channel.active) return { ok: false, response: apiError(403, "channel_inactive", `Channel ${channel.code} is inactive and takes no orders.`) };
  return { ok: true, value: { caller: who.value, channel, key: idem.value, json: body.value } };
}
