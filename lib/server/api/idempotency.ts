import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import type { Tx } from "../tx";

export type StoredResponse = { status: number; body: unknown; replayed: boolean };

export class IdempotencyConflict extends Error {}

/** A stable hash of a JSON body (key order does not matter). */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
    : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
    : v;
  return crypto.createHash("sha256").update(JSON.stringify(canonical(body))).digest("hex");
}

/**
 * Runs `work` once per (scope, key): its successful response is stored in the same transaction as its effects,
 * so a retry — even one racing the first request — gets the stored response and changes nothing. A retry with a
 * different body is a conflict. Failures (thrown errors) store nothing, so the client may fix and retry.
 */
export async function once(
  scope: string,
  key: string,
  body: unknown,
  work: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const hash = requestHash(body);
  return db().$transaction(async (tx) => {
    // Taking the key first makes a concurrent duplicate wait here until this transaction ends.
    const inserted = await tx.$executeRaw`
      INSERT INTO idempotency_record (scope, key, request_hash, status, response)
      VALUES (${scope}, ${key}, ${hash}, 0, 'null'::jsonb) ON CONFLICT DO NOTHING`;
    if (inserted === 0) {
      const prior = await tx.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope, key } } });
      if (prior.requestHash !== hash) throw new IdempotencyConflict(`Idempotency-Key "${key}" was already used with a different request body.`);
      return { status: prior.status, body: prior.response, replayed: true };
    }
    const result = await work(tx);
    await tx.idempotencyRecord.update({
      where: { scope_key: { scope, key } },
      data: { status: result.status, response: result.body as object },
    });
    return { ...result, replayed: false };
  }, { timeout: 60_000 });
}
