// Ledger entries of one stock level form a SHA-256 chain. This mirrors the database's ledger_payload()
// (prisma/migrations/*_inventory_core) so chains can be verified outside the database that wrote them.
import { createHash } from "node:crypto";

export type Quantities = { onHand: number; reserved: number; safety: number; inTransit: number };

export type LedgerEntry = {
  locationId: number;
  skuId: number;
  seq: number;
  type: string;
  before: Quantities;
  after: Quantities;
  actor: string;
  reason: string | null;
  reference: string | null;
  /** Microseconds since the epoch, as the database stored them. */
  createdAtMicros: bigint;
  prevHash: Buffer | null;
  hash: Buffer;
};

const json = (s: string | null) => JSON.stringify(s);

export function ledgerPayload(e: Omit<LedgerEntry, "prevHash" | "hash">): string {
  return [
    "v1", e.locationId, e.skuId, e.seq, e.type,
    e.before.onHand, e.after.onHand, e.before.reserved, e.after.reserved,
    e.before.safety, e.after.safety, e.before.inTransit, e.after.inTransit,
    json(e.actor), json(e.reason), json(e.reference), e.createdAtMicros.toString(),
  ].join("|");
}

export function ledgerHash(prevHash: Buffer | null, e: Omit<LedgerEntry, "prevHash" | "hash">): Buffer {
  return createHash("sha256").update(prevHash ?? Buffer.alloc(0)).update(ledgerPayload(e), "utf8").digest();
}

const ZERO: Quantities = { onHand: 0, reserved: 0, safety: 0, inTransit: 0 };
const sameQuantities = (a: Quantities, b: Quantities) =>
  a.onHand === b.onHand && a.reserved === b.reserved && a.safety === b.safety && a.inTransit === b.inTransit;

export type ChainProblem = { locationId: number; skuId: number; seq: number; problem: string };

/**
 * Checks one stock level's entries (in seq order): numbering without gaps, each hash over its content and its
 * predecessor's hash, each entry starting where the previous ended (so replay reproduces every state), and the
 * end of the chain matching the stock level as it is now.
 */
export function verifyChain(
  entries: LedgerEntry[],
  current: { quantities: Quantities; seq: number; hash: Buffer | null },
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevHash: Buffer | null = null;
  let state = ZERO;
  const at = (e: LedgerEntry, problem: string) => problems.push({ locationId: e.locationId, skuId: e.skuId, seq: e.seq, problem });
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) at(e, `expected entry ${i + 1}, found ${e.seq} (missing or extra entries)`);
    if (!sameQuantities(e.before, state)) at(e, "does not start where the previous entry ended");
    if (!(e.prevHash ?? Buffer.alloc(0)).equals(prevHash ?? Buffer.alloc(0))) at(e, "prev_hash does not match the previous entry");
    if (!ledgerHash(prevHash, e).equals(e.hash)) at(e, "hash does not match the entry's content");
    prevHash = e.hash;
    state = e.after;
  });
  const last = entries[entries.length - 1];
  const where = { locationId: last?.locationId ?? 0, skuId: last?.skuId ?? 0, seq: last?.seq ?? 0 };
  if (!sameQuantities(state, current.quantities)) problems.push({ ...where, problem: "replaying the ledger does not give the current stock" });
  if (entries.length !== current.seq) problems.push({ ...where, problem: `stock level is at entry ${current.seq}, ledger has ${entries.length}` });
  if (!(current.hash ?? Buffer.alloc(0)).equals(prevHash ?? Buffer.alloc(0))) problems.push({ ...where, problem: "chain head differs from the stock level's" });
  return problems;
}
