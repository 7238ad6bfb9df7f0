import "server-only";
import crypto from "node:crypto";
import { coalesced } from "../coalesce";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { sqlQuery } from "../sql-tx";

// API keys look like `yp_<prefix>_<secret>`. The prefix finds the row; only SHA-256(secret) is stored, so a
// database leak does not leak usable keys. The full key is shown once, at creation.

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Everything but the secret's hash.
const INFO = { id: true, name: true, prefix: true, channelId: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export type ApiKeyInfo = { id: number; name: string; prefix: string; channelId: number | null; createdBy: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function createApiKey(input: { name: string; channelId?: number | null; createdBy: string }): Promise<{ key: string; info: ApiKeyInfo }> {
  const prefix = crypto.randomBytes(6).toString("hex");
  const secret = crypto.randomBytes(24).toString("base64url");
  const info = await db().apiKey.create({
    data: { name: input.name, prefix, secretHash: sha256(secret), channelId: input.channelId ?? null, createdBy: input.createdBy },
    select: INFO,
  });
  return { key: `yp_${prefix}_${secret}`, info };
}

export async function listApiKeys(): Promise<ApiKeyInfo[]> {
  return db().apiKey.findMany({ orderBy: { createdAt: "desc" }, select: INFO });
}

export async function revokeApiKey(id: number): Promise<boolean> {
  const { count } = await db().apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** channel: the key's channel as it is now (null for a key without one, or whose channel is gone). */
export type ApiCaller = { keyId: number; name: string; channelId: number | null; channel: { id: number; code: string; active: boolean } | null };

// last_used_at is for people ("is this key still in use?"): once a minute per key and process is plenty, and
// writing the key's row on every call would make it a hot row under a burst.
const USE_EVERY_MS = 60_000;
const lastNoted = new Map<number, number>();
function noteUse(keyId: number, now = Date.now()) {
  if (now - (lastNoted.get(keyId) ?? 0) < USE_EVERY_MS) return;
  lastNoted.set(keyId, now);
  // Best effort: a lost update of last_used_at is harmless.
  void db().apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
}

type KeyRow = { id: number; name: string; secret_hash: string; revoked: boolean; channel_id: number | null; code: string | null; active: boolean | null };

// Every order call starts here: the key and its channel in one round trip, shared by the calls that arrive while
// one is in flight (never an answer read before the call arrived, so a revocation counts from the next read).
const keyByPrefix = coalesced(async (prefixes: string[]) => {
  const rows = await sqlQuery<KeyRow & { prefix: string }>(Prisma.sql`
    SELECT k.prefix, k.id, k.name, k.secret_hash, k.revoked_at IS NOT NULL AS revoked, k.channel_id, c.code, c.active
    FROM api_key k LEFT JOIN channel c ON c.id = k.channel_id WHERE k.prefix = ANY(${prefixes}::text[])`);
  return new Map<string, KeyRow>(rows.map((r) => [r.prefix, r]));
});

/** The caller behind an `Authorization: Bearer yp_…` header, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(header: string | null): Promise<ApiCaller | null> {
  const match = /^Bearer\s+yp_([0-9a-f]{12})_([A-Za-z0-9_-]{16,})$/.exec(header?.trim() ?? "");
  if (!match) return null;
  const row = await keyByPrefix(match[1]);
  if (!row || row.revoked) return null;
  const given = Buffer.from(sha256(match[2]), "hex");
  if (!crypto.timingSafeEqual(given, Buffer.from(row.secret_hash, "hex"))) return null;
  noteUse(row.id);
  const channel = row.channel_id !== null && row.code !== null ? { id: row.channel_id, code: row.code, active: row.active === true } : null;
  return { keyId: row.id, name: row.name, channelId: row.channel_id, channel };
}
