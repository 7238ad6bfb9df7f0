import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { sqlTransaction } from "../sql-tx";
import type { SqlTx, Tx } from "../tx";

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
  return db().$transaction((tx) => onceIn(tx, scope, key, hash, work), { timeout: 60_000 });
}

/** The same for work that speaks only SQL, on a plain pg connection (order intake: lib/server/sql-tx.ts). */
export async function onceSql(
  scope: string,
  key: string,
  body: unknown,
  work: (tx: SqlTx) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const hash = requestHash(body);
  return sqlTransaction((tx) => onceIn(tx, scope, key, hash, work));
}

async function onceIn<T extends SqlTx>(
  tx: T, scope: string, key: string, hash: string, work: (tx: T) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  // Taking the key first makes a concurrent duplicate wait here until this transaction ends.
  const inserted = await tx.$executeRaw`
    INSERT INTO idempotency_record (scope, key, request_hash, status, response)
    VALUES (${scope}, ${key}, ${hash}, 0, 'null'::jsonb) ON CONFLICT DO NOTHING`;
  if (inserted === 0) {
    const [prior] = await tx.$queryRaw<{ request_hash: string; status: number; response: unknown }[]>`
      SELECT request_hash, status, response FROM idempotency_record WHERE scope = ${scope} AND key = ${key}`;
    if (prior.request_hash !== hash) throw new IdempotencyConflict(`Idempotency-Key "${key}" was already used with a different request body.`);
    return { status: prior.status, body: prior.response, replayed: true };
  }
  const result = await work(tx);
  await tx.$executeRaw`
    UPDATE idempotency_record SET status = ${result.status}, response = ${JSON.stringify(result.body)}::jsonb WHERE scope = ${scope} AND key = ${key}`;
  return { ...result, replayed: false };
}
