import "server-only";
import { errorBody } from "../api/errors";
import { requestHash } from "../api/idempotency";
import { sqlTransaction } from "../sql-tx";
import type { SqlTx } from "../tx";
import type { OrderInput } from "./input";
import { mayStartGroup, takeGroup, type Waiting, wakeAfterMs } from "./group-policy";
import { placeOrdersIn } from "./place";

// Group commit for single-order intake. Requests of one channel (and caller) that arrive while earlier groups
// are being written wait and go together in the next transaction: one read of ATS and candidates, one reservation
// round trip, set-based writes — so concurrent clients share the fixed cost. A lone request goes at once. Every
// request keeps its own Idempotency-Key record and its own answer; a group that fails as a whole (an order number
// placed meanwhile by another instance) is retried one request at a time.

export type IntakeAnswer = { status: number; body: unknown; replayed: boolean };
type Pending = Waiting & { hash: string; input: OrderInput; since: number; resolve: (a: IntakeAnswer) => void; reject: (e: unknown) => void };
type Queue = {
  channel: { id: number; code: string }; actor: string; waiting: Pending[]; inFlight: Set<Set<string>>;
  /** Pumps again once the oldest waiting request may start a second group. */
  wake?: ReturnType<typeof setTimeout>;
};

const state = globalThis as unknown as { yipanIntakeQueues?: Map<string, Queue> };
const queues = (state.yipanIntakeQueues ??= new Map());

export function placeOrderGrouped(channel: { id: number; code: string }, input: OrderInput, key: string, actor: string): Promise<IntakeAnswer> {
  return new Promise((resolve, reject) => {
    const id = `${channel.id}:${actor}`;
    let q = queues.get(id);
    if (!q) queues.set(id, (q = { channel, actor, waiting: [], inFlight: new Set() }));
    q.waiting.push({ key, hash: requestHash(input), input, skus: input.lines.map((l) => l.sku), passedOver: 0, since: performance.now(), resolve, reject });
    pump(q);
  });
}

function pump(q: Queue) {
  while (mayStartGroup(q.waiting.length, q.inFlight.size, oldestWait(q))) {
    const { group, rest } = takeGroup(q.waiting, q.inFlight);
    q.waiting = rest;
    if (group.length === 0) return; // everything waiting needs SKUs a group in flight holds: its end pumps again
    const skus = new Set(group.flatMap((p) => p.skus));
    q.inFlight.add(skus);
    void runGroup(q, group).finally(() => {
      q.inFlight.delete(skus);
      pump(q);
    });
  }
  const after = q.wake ? null : wakeAfterMs(q.waiting.length, q.inFlight.size, oldestWait(q));
  if (after !== null) {
    q.wake = setTimeout(() => {
      q.wake = undefined;
      pump(q);
    }, after);
  }
}

const oldestWait = (q: Queue) => (q.waiting.length > 0 ? performance.now() - q.waiting[0].since : 0);

async function runGroup(q: Queue, group: Pending[]) {
  try {
    const answers = await writeGroup(q, group);
    group.forEach((p, i) => p.resolve(answers[i]));
  } catch (error) {
    if (group.length === 1) {
      group[0].reject(error);
      return;
    }
    for (const p of group) {
      try {
        p.resolve((await writeGroup(q, [p]))[0]);
      } catch (e) {
        p.reject(e);
      }
    }
  }
}

function writeGroup(q: Queue, group: Pending[]): Promise<IntakeAnswer[]> {
  const scope = `orders:channel-${q.channel.id}`;
  return sqlTransaction(async (tx) => {
    // Sorted, so two groups holding overlapping keys (retries sent to two instances) take them in one order.
    const sorted = [...group].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const inserted = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO idempotency_record (scope, key, request_hash, status, response)
      SELECT ${scope}, k, h, 0, 'null'::jsonb FROM unnest(${sorted.map((p) => p.key)}::text[], ${sorted.map((p) => p.hash)}::text[]) AS u(k, h)
      ON CONFLICT DO NOTHING RETURNING key`;
    const fresh = new Set(inserted.map((r) => r.key));
    const answers = new Map<Pending, IntakeAnswer>();
    await replayKnown(tx, scope, group.filter((p) => !fresh.has(p.key)), answers);

    const todo = group.filter((p) => fresh.has(p.key));
    const placed = await placeOrdersIn(tx, q.channel, todo.map((p) => p.input), q.actor);
    const stored: { key: string; status: number; body: unknown }[] = [];
    const refused: string[] = [];
    placed.forEach((r, i) => {
      const p = todo[i];
      if (r.ok) {
        const answer = { status: 201, body: { order: r.order }, replayed: false };
        answers.set(p, answer);
        stored.push({ key: p.key, status: 201, body: answer.body });
      } else {
        // Refusals are not kept: the client may correct the order, or stock may come back, and retry.
        answers.set(p, { status: r.refusal.status, body: errorBody(r.refusal.code, r.refusal.message, r.refusal.fields), replayed: false });
        refused.push(p.key);
      }
    });
    if (stored.length > 0) {
      await tx.$executeRaw`
        UPDATE idempotency_record r SET status = u.s, response = u.b::jsonb
        FROM unnest(${stored.map((s) => s.key)}::text[], ${stored.map((s) => s.status)}::int[], ${stored.map((s) => JSON.stringify(s.body))}::text[]) AS u(k, s, b)
        WHERE r.scope = ${scope} AND r.key = u.k`;
    }
    if (refused.length > 0) await tx.$executeRaw`DELETE FROM idempotency_record WHERE scope = ${scope} AND key = ANY(${refused}::text[])`;
    return group.map((p) => answers.get(p)!);
  });
}

async function replayKnown(tx: SqlTx, scope: string, known: Pending[], answers: Map<Pending, IntakeAnswer>) {
  if (known.length === 0) return;
  const rows = await tx.$queryRaw<{ key: string; request_hash: string; status: number; response: unknown }[]>`
    SELECT key, request_hash, status, response FROM idempotency_record WHERE scope = ${scope} AND key = ANY(${known.map((p) => p.key)}::text[])`;
  const prior = new Map(rows.map((r) => [r.key, r]));
  for (const p of known) {
    const r = prior.get(p.key);
    if (r && r.request_hash !== p.hash) {
      answers.set(p, { status: 422, body: errorBody("idempotency_key_reused", `Idempotency-Key "${p.key}" was already used with a different request body.`), replayed: false });
    } else if (r) {
      answers.set(p, { status: r.status, body: r.response, replayed: true });
    } else {
      // Its record vanished between the insert and this read (a refused order's record deleted meanwhile): retry.
      answers.set(p, { status: 409, body: errorBody("retry", "This request raced another with the same Idempotency-Key; retry it."), replayed: false });
    }
  }
}
