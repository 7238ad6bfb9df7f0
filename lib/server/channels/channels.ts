import "server-only";
import { createApiKey, revokeApiKey } from "../api/keys";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import type { ChannelType } from "../generated/prisma/enums";

export type ChannelInput = { code: string; name: string; type: ChannelType; active: boolean; safetyMargin: number };
export type ChannelOutcome = { ok: true; id: number } | { ok: false; field: string; message: string };

export async function listChannels() {
  return db().channel.findMany({
    orderBy: { code: "asc" },
    include: { _count: { select: { locks: true } }, routingStrategy: { select: { id: true, code: true } } },
  });
}

export async function createChannel(input: ChannelInput): Promise<ChannelOutcome> {
  try {
    const channel = await db().channel.create({ data: input });
    return { ok: true, id: channel.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "code", message: `a channel with code ${input.code} exists` };
    throw error;
  }
}

export async function updateChannel(id: number, input: ChannelInput): Promise<ChannelOutcome> {
  try {
    const { count } = await db().channel.updateMany({ where: { id }, data: input });
    return count === 1 ? { ok: true, id } : { ok: false, field: "id", message: `no channel with id ${id}` };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "code", message: `a channel with code ${input.code} exists` };
    throw error;
  }
}

export async function channelKeys(channelId: number) {
  return db().apiKey.findMany({
    where: { channelId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** A new key for the channel; shown once. */
export async function createChannelKey(channelId: number, name: string, createdBy: string) {
  const channel = await db().channel.findUnique({ where: { id: channelId } });
  if (!channel) return null;
  return createApiKey({ name, channelId, createdBy });
}

/** Rotation: a new key, and the old one revoked in the same breath (the integration swaps to the new key). */
export async function rotateChannelKey(channelId: number, keyId: number, createdBy: string) {
  const old = await db().apiKey.findFirst({ where: { id: keyId, channelId, revokedAt: null } });
  if (!old) return null;
  const created = await createApiKey({ name: old.name, channelId, createdBy });
  await revokeApiKey(old.id);
  return created;
}

export async function revokeChannelKey(channelId: number, keyId: number): Promise<boolean> {
  const key = await db().apiKey.findFirst({ where: { id: keyId, channelId } });
  return key ? revokeApiKey(key.id) : false;
}

