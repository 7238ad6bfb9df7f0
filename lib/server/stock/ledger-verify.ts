import "server-only";
import { verifyChain, type ChainProblem, type LedgerEntry, type Quantities } from "@/lib/inventory/ledger";
import { db } from "../db";

export type LedgerReport = {
  ok: boolean;
  stockLevels: number;
  entries: number;
  problems: (ChainProblem | { locationId: number; skuId: number; seq: 0; problem: string })[];
  checkedAt: Date;
  seconds: number;
};

type Row = {
  location_id: number; sku_id: number; seq: bigint; type: string;
  on_hand_before: number; on_hand_after: number; reserved_before: number; reserved_after: number;
  safety_before: number; safety_after: number; in_transit_before: number; in_transit_after: number;
  actor: string; reason: string | null; reference: string | null; micros: bigint;
  prev_hash: Uint8Array | null; hash: Uint8Array;
};
type Head = { location_id: number; sku_id: number; on_hand: number; reserved: number; safety_stock: number; in_transit: number; ledger_seq: bigint; chain_hash: Uint8Array | null; lots: number };

const BATCH = 20_000;
const MAX_PROBLEMS = 200;

const toEntry = (r: Row): LedgerEntry => ({
  locationId: r.location_id, skuId: r.sku_id, seq: Number(r.seq), type: r.type,
  before: { onHand: r.on_hand_before, reserved: r.reserved_before, safety: r.safety_before, inTransit: r.in_transit_before },
  after: { onHand: r.on_hand_after, reserved: r.reserved_after, safety: r.safety_after, inTransit: r.in_transit_after },
  actor: r.actor, reason: r.reason, reference: r.reference, createdAtMicros: BigInt(r.micros),
  prevHash: r.prev_hash ? Buffer.from(r.prev_hash) : null, hash: Buffer.from(r.hash),
});

/**
 * Walks every stock level with its ledger in key order (batches, so memory stays flat): verifies each hash
 * chain in TypeScript, that replay reproduces today's stock, and that the lots add up to on hand.
 * `onProgress` receives the share done.
 */
export async function verifyLedger(onProgress?: (done: number) => void): Promise<LedgerReport> {
  const started = performance.now();
  const prisma = db();
  const total = Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM stock_level`)[0].n);
  const problems: LedgerReport["problems"] = [];
  let entries = 0;
  let stockLevels = 0;
  let after = { loc: -1, sku: -1 };
  for (;;) {
    const heads = await prisma.$queryRaw<Head[]>`
      SELECT sl.location_id, sl.sku_id, sl.on_hand, sl.reserved, sl.safety_stock, sl.in_transit, sl.ledger_seq, sl.chain_hash,
             COALESCE((SELECT SUM(remaining) FROM stock_lot lo WHERE lo.location_id = sl.location_id AND lo.sku_id = sl.sku_id), 0)::int AS lots
      FROM stock_level sl WHERE (sl.location_id, sl.sku_id) > (${after.loc}, ${after.sku})
      ORDER BY sl.location_id, sl.sku_id LIMIT ${BATCH}`;
    if (heads.length === 0) break;
    const last = heads[heads.length - 1];
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT location_id, sku_id, seq, type::text, on_hand_before, on_hand_after, reserved_before, reserved_after,
             safety_before, safety_after, in_transit_before, in_transit_after, actor, reason, reference,
             (extract(epoch FROM created_at) * 1000000)::bigint AS micros, prev_hash, hash
      FROM stock_ledger
      WHERE (location_id, sku_id) > (${after.loc}, ${after.sku}) AND (location_id, sku_id) <= (${last.location_id}, ${last.sku_id})
      ORDER BY location_id, sku_id, seq`;
    let i = 0;
    for (const h of heads) {
      const chain: LedgerEntry[] = [];
      while (i < rows.length && (rows[i].location_id < h.location_id || (rows[i].location_id === h.location_id && rows[i].sku_id < h.sku_id))) {
        problems.push({ locationId: rows[i].location_id, skuId: rows[i].sku_id, seq: 0, problem: "ledger entries for a stock level that does not exist" });
        i++;
      }
      while (i < rows.length && rows[i].location_id === h.location_id && rows[i].sku_id === h.sku_id) chain.push(toEntry(rows[i++]));
      const quantities: Quantities = { onHand: h.on_hand, reserved: h.reserved, safety: h.safety_stock, inTransit: h.in_transit };
      const head = { quantities, seq: Number(h.ledger_seq), hash: h.chain_hash ? Buffer.from(h.chain_hash) : null };
      if (problems.length < MAX_PROBLEMS) problems.push(...verifyChain(chain, head));
      if (h.lots !== h.on_hand && problems.length < MAX_PROBLEMS) {
        problems.push({ locationId: h.location_id, skuId: h.sku_id, seq: 0, problem: `lots hold ${h.lots}, on hand is ${h.on_hand}` });
      }
      entries += chain.length;
    }
    stockLevels += heads.length;
    after = { loc: last.location_id, sku: last.sku_id };
    onProgress?.(total ? stockLevels / total : 1);
  }
  return {
    ok: problems.length === 0,
    stockLevels,
    entries,
    problems: problems.slice(0, MAX_PROBLEMS),
    checkedAt: new Date(),
    seconds: (performance.now() - started) / 1000,
  };
}
