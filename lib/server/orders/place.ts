import "server-only";
import { type Explanation, type RoutingOrder, type Shipment, route } from "@/lib/routing";
import { channelAtsWithLocks } from "../channels/availability";
import { consumeLocks } from "../channels/consumption";
import { reserveMany } from "../stock/reservations";
import { Prisma } from "../generated/prisma/client";
import { column, insertSql, rowsTable } from "../sql-rows";
import type { SqlTx } from "../tx";
import { type LoadedCandidate, candidatesFor } from "./candidates";
import { storedExplanation } from "./explanation-store";
import type { OrderInput } from "./input";
import { type ActiveStrategy, activeStrategySql, toActiveStrategy } from "./strategy";
import type { OrderView } from "./view";

export type Refusal = { status: 404 | 409 | 422; code: string; message: string; fields?: { field: string; value?: unknown; message: string }[] };

// Stock that vanished between routing and reserving (a count, a damaged write-off) is routed again; orders
// themselves cannot race, they hold the SKU locks.
const ATTEMPTS = 3;

/**
 * Order intake, inside the caller's transaction (with its idempotency record): validate codes → the channel's
 * available-to-sell (locks) → route with the channel's active strategy → reserve at the chosen locations (ledger)
 * → record the order, its shipments and lines, and the lock consumption. Refusals write nothing.
 */
export async function placeOrderIn(tx: SqlTx, channel: { id: number; code: string }, input: OrderInput, actor: string, now = new Date()): Promise<OrderView> {
  const [result] = await placeOrdersIn(tx, channel, [input], actor, now);
  if (!result.ok) throw new OrderRefused(result.refusal);
  return result.order;
}

export type Placed = { ok: true; order: OrderView } | { ok: false; refusal: Refusal };

/**
 * Many orders at once (a batch, or one), each accepted or refused on its own, in input order — as if placed one
 * after the other: each takes its units out of the available-to-sell, the stock and the capacity the next one
 * sees. Everything is read once and written in a handful of set-based statements; the reservations go through
 * the reservation guard (reserve_many → reserve_lines, one ledger entry per line with its order's reference).
 *
 * Orders for the same SKU are serialized by a transaction-scoped advisory lock per SKU, taken in SKU order before
 * stock is read (ATS, candidates and stock come in later statements: a statement's snapshot predates any lock it
 * waits for). ATS (ring-fences, caps, margins) spans locations, so a row lock alone could not keep two
 * orders from each taking the last unit a fence leaves. Only stock moved by something else (a count, a write-off)
 * can then change what was read; the reservation guard catches it and the whole set is routed again.
 */
export async function placeOrdersIn(
  tx: SqlTx, channel: { id: number; code: string }, inputs: OrderInput[], actor: string, now = new Date(),
): Promise<Placed[]> {
  const refs = await startPlacement(tx, channel.id, inputs);
  const results: (Placed | null)[] = inputs.map(() => null);
  const wanted: Wanted[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, k) => {
    const resolved = resolveWith(input, refs);
    if ("refusal" in resolved) results[k] = { ok: false, refusal: resolved.refusal };
    else if (refs.existing.has(input.orderNo) || seen.has(input.orderNo)) results[k] = { ok: false, refusal: duplicate(input.orderNo) };
    else {
      seen.add(input.orderNo);
      wanted.push({ k, input, resolved, orderId: refs.orderIds[k] });
    }
  });
  if (wanted.length > 0) {
    const skuIds = [...new Set(wanted.flatMap((w) => w.resolved.lines.map((l) => l.skuId)))];
    const strategy = refs.strategy();
    for (let attempt = 1; ; attempt++) {
      // Null: the reservations did not fit and left nothing behind (reserve_many is all or none); route again.
      const placed = await routeAndRecord(tx, channel, wanted, skuIds, strategy, actor, now, attempt);
      if (placed) {
        placed.forEach((p, i) => (results[wanted[i].k] = p));
        break;
      }
      if (attempt === ATTEMPTS) {
        for (const w of wanted) results[w.k] = { ok: false, refusal: STOCK_MOVING };
        break;
      }
    }
  }
  return results as Placed[];
}

const ORDER_COLUMNS = [
  column("id", "bigint"), column("channel_id", "int"), column("status", '"OrderStatus"'), column("placed_at", "timestamp(3)"), column("city", "text"),
  column("province", "text"), column("latitude", "float8"), column("longitude", "float8"), column("total_cents", "int"), column("external_ref", "text"),
  column("fulfilment", '"Fulfilment"'), column("pickup_location_id", "int"), column("selling_location_id", "int"), column("strategy_version_id", "int"),
  column("placed_by", "text"), column("routing", "json"),
];
const EVENT_COLUMNS = [column("order_id", "bigint"), column("action", "text"), column("actor", "text"), column("detail", "jsonb")];
const SHIPMENT_COLUMNS = [
  column("order_id", "bigint"), column("location_id", "int"), column("status", '"ShipmentStatus"'), column("reservation_id", "bigint"), column("km", "float8"), column("cost_cents", "int"),
];
const LINE_COLUMNS = [
  column("order_id", "bigint"), column("sku_id", "int"), column("quantity", "int"), column("fulfill_location_id", "int"),
  column("unit_price_cents", "int"), column("placed_at", "timestamp(3)"),
];
type Line = { code: string; skuId: number; quantity: number; price: number };
type ResolvedOrder = { lines: Line[]; pickupId: number | null; sellingId: number | null };
type Wanted = { k: number; input: OrderInput; resolved: ResolvedOrder; orderId: bigint };
type Accepted = { w: number; orderId: bigint; status: "RESERVED" | "BACKORDERED"; routed: Routed; backOrdered: Map<number, number>; attempts: number };

// A large set (a batch) is routed in chunks: while PostgreSQL reserves and records one chunk, Node routes the next
// (both cores busy instead of taking turns). Routing yields to I/O every few orders so that pg can send each statement
// as soon as the one before it is answered.
const CHUNK = 100;
const YIELD_EVERY = 8;
const toIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Routes every order in turn on one read of ATS and candidates, reserves, records. Null: stock moved, go again. */
async function routeAndRecord(
  tx: SqlTx, channel: { id: number; code: string }, wanted: Wanted[], skuIds: number[], strategy: ActiveStrategy, actor: string, now: Date,
  attempt: number,
): Promise<Placed[] | null> {
  const ats = await channelAtsWithLocks(channel.id, skuIds, now, tx);
  const atsLeft = new Map(ats.bySku);
  const pickups = [...new Set(wanted.flatMap((w) => (w.resolved.pickupId ? [w.resolved.pickupId] : [])))];
  // Fresh objects: routing the batch in turn takes each order's units out of them.
  const candidates = await candidatesFor(skuIds, { always: pickups, now }, tx);
  const byLocation = new Map(candidates.map((c) => [c.locationId, c]));

  // Several chunks reserve separately, so a shortage in a later one must undo the earlier ones.
  const chunked = wanted.length > CHUNK;
  if (chunked) await tx.$executeRaw`SAVEPOINT routing`;
  const out: (Placed | null)[] = [];
  const accepted: Accepted[] = [];
  const writes: Promise<RecordedShipment[][] | null>[] = [];
  let from = 0;
  const write = () => {
    const chunk = accepted.slice(from);
    from = accepted.length;
    const written = writeChunk(tx, channel, wanted, chunk, strategy, actor, now);
    written.catch(() => {}); // settled below; a later failure first must not leave it unhandled
    writes.push(written);
  };
  try {
    for (let w = 0; w < wanted.length; w++) {
      const { input, resolved, orderId } = wanted[w];
      const routed = routeOne(input, resolved, candidates, byLocation, atsLeft, strategy, attempt);
      if ("refusal" in routed) out.push({ ok: false, refusal: routed.refusal });
      else {
        out.push(null); // filled in once written
        accepted.push({ w, orderId, ...routed });
        if (chunked && accepted.length - from === CHUNK) write();
      }
      if (chunked && w % YIELD_EVERY === YIELD_EVERY - 1) await toIo();
    }
  } catch (error) {
    await Promise.allSettled(writes); // the transaction's rollback comes after what is on its way
    throw error;
  }
  if (accepted.length > from) write();
  if (accepted.length === 0) return out as Placed[];

  const settled = await Promise.allSettled(writes);
  // In sending order: the first failure is the cause, later statements only found the transaction aborted.
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  const recorded = settled.map((s) => (s as PromiseFulfilledResult<RecordedShipment[][] | null>).value);
  if (recorded.some((r) => r === null)) {
    if (chunked) await tx.$executeRaw`ROLLBACK TO SAVEPOINT routing`;
    return null;
  }
  const shipments = recorded.flatMap((r) => r!);
  if (ats.ownLocks > 0) {
    const taken = new Map<number, number>();
    for (const a of accepted) for (const [skuId, q] of shippedBySku(a.routed.plan.shipments)) taken.set(skuId, (taken.get(skuId) ?? 0) + q);
    await consumeLocks(tx, channel.id, [...taken].map(([skuId, quantity]) => ({ skuId, quantity })), now);
  }

  accepted.forEach((a, i) => {
    const { input, resolved } = wanted[a.w];
    const codeOf = new Map(resolved.lines.map((l) => [l.skuId, l.code]));
    const byCode = (x: { sku: string }, y: { sku: string }) => x.sku.localeCompare(y.sku);
    out[a.w] = {
      ok: true,
      order: {
        id: String(a.orderId), orderNo: input.orderNo, channel: channel.code, status: a.status, fulfilment: input.fulfilment, placedAt: now,
        shipments: shipments[i].map((sh) => ({
          id: String(sh.id), location: sh.code, status: "RESERVED", km: sh.km, costCents: sh.costCents,
          lines: sh.lines.map((l) => ({ sku: codeOf.get(l.skuId)!, quantity: l.quantity })).sort(byCode),
        })),
        backOrdered: [...a.backOrdered].filter(([, q]) => q > 0).map(([skuId, quantity]) => ({ sku: codeOf.get(skuId)!, quantity })).sort(byCode),
      },
    };
  });
  return out as Placed[];
}

/**
 * One order against what earlier orders of the set left: refused (short and no back-orders allowed), or routed
 * with its units taken out of the candidates and the ATS, so the next order sees less.
 */
function routeOne(
  input: OrderInput, resolved: ResolvedOrder, candidates: LoadedCandidate[], byLocation: Map<number, LoadedCandidate>, atsLeft: Map<number, number>,
  strategy: ActiveStrategy, attempt: number,
): { refusal: Refusal } | Omit<Accepted, "w" | "orderId"> {
  const lines = resolved.lines.map((l) => ({ ...l, routable: Math.min(l.quantity, atsLeft.get(l.skuId) ?? 0) }));
  const short = lines.filter((l) => l.routable < l.quantity);
  if (short.length > 0 && !input.allowBackorder) {
    return { refusal: outOfStock(short.map((l) => ({ code: l.code, requested: l.quantity, available: l.routable }))) };
  }
  const routingLines = lines.filter((l) => l.routable > 0).map((l) => ({ skuId: l.skuId, quantity: l.routable }));
  const order: RoutingOrder = {
    destination: { lat: input.destination.lat, lng: input.destination.lng, province: input.destination.province },
    lines: routingLines, fulfilment: input.fulfilment, pickupLocationId: resolved.pickupId ?? undefined,
  };
  const decision = routingLines.length > 0 ? route(order, candidates, strategy.rules) : null;
  if (decision && decision.kind !== "plan") throw new Error("a pickup order reached routing without its store");
  const plan = decision?.plan ?? { shipments: [], backOrdered: [] };
  const backOrdered = new Map(lines.map((l) => [l.skuId, l.quantity - l.routable]));
  for (const b of plan.backOrdered) backOrdered.set(b.skuId, (backOrdered.get(b.skuId) ?? 0) + b.quantity);
  const missing = lines.filter((l) => (backOrdered.get(l.skuId) ?? 0) > 0);
  if (missing.length > 0 && !input.allowBackorder) {
    const shipped = shippedBySku(plan.shipments);
    return { refusal: outOfStock(missing.map((l) => ({ code: l.code, requested: l.quantity, available: shipped.get(l.skuId) ?? 0 }))) };
  }
  for (const sh of plan.shipments) {
    const c = byLocation.get(sh.locationId)!;
    c.remainingCapacity = Math.max(0, c.remainingCapacity - 1);
    for (const l of sh.lines) {
      c.atp.set(l.skuId, (c.atp.get(l.skuId) ?? 0) - l.quantity);
      atsLeft.set(l.skuId, (atsLeft.get(l.skuId) ?? 0) - l.quantity);
    }
  }
  return {
    status: missing.length > 0 ? "BACKORDERED" : "RESERVED", backOrdered, attempts: attempt,
    routed: { plan: { shipments: plan.shipments.map((sh) => ({ ...sh, reservationId: "" })), backOrdered: plan.backOrdered }, explanation: decision?.explanation ?? null, attempts: attempt },
  };
}

/**
 * Reserves a chunk of routed orders (all or none) and records them: orders, events, shipments, lines. Null: the
 * reservations did not fit (nothing of this chunk was written).
 */
async function writeChunk(
  tx: SqlTx, channel: { id: number; code: string }, wanted: Wanted[], chunk: Accepted[], strategy: ActiveStrategy, actor: string, now: Date,
): Promise<RecordedShipment[][] | null> {
  const items = chunk.flatMap((a) => a.routed.plan.shipments.map((sh) => ({
    idempotencyKey: `order:${a.orderId}:${sh.locationId}`, reference: `order:${a.orderId}`, lines: sh.lines.map((l) => ({ ...l, locationId: sh.locationId })),
  })));
  // On a plain pg connection the reservation statement is on its way when reserveMany returns its promise: the
  // orders and their events (explanations: most of the bytes) are encoded while PostgreSQL reserves.
  const reserving = reserveMany(tx, actor, items);
  reserving.catch(() => {}); // awaited below; an encoding error first must not leave it unhandled

  // The orders and their events go in the statement that writes the shipments and lines: one round trip.
  const orders = insertSql("customer_order", ORDER_COLUMNS, chunk.map((a) => {
    const { input, resolved } = wanted[a.w];
    return [
      a.orderId, channel.id, a.status, now, input.destination.city, input.destination.province, input.destination.lat, input.destination.lng,
      resolved.lines.reduce((sum, l) => sum + l.quantity * l.price, 0), input.orderNo, input.fulfilment, resolved.pickupId, resolved.sellingId,
      strategy.versionId, actor,
      { strategy: strategy.code, versionId: strategy.versionId, attempts: a.attempts, explanation: storedExplanation(a.routed.explanation) },
    ];
  }));
  const events = insertSql("order_event", EVENT_COLUMNS, chunk.map((a) => [
    a.orderId, "PLACED", actor, { strategy: strategy.code, versionId: strategy.versionId, attempts: a.attempts },
  ]));
  const reserved = await reserving;
  if (!reserved.ok) return null;
  let next = 0;
  for (const a of chunk) for (const sh of a.routed.plan.shipments) sh.reservationId = reserved.reservationIds[next++];
  return recordPlans(tx, chunk.map((a) => ({ orderId: a.orderId, routed: a.routed, lines: wanted[a.w].resolved.lines, backOrdered: a.backOrdered })), now, [orders, events]);
}

const STOCK_MOVING: Refusal = {
  status: 409,
  code: "stock_moving",
  message: "Stock kept changing while this order was routed; nothing was reserved. Retry with the same Idempotency-Key.",
};

function duplicate(orderNo: string): Refusal {
  return { status: 409, code: "duplicate_order", message: `Order ${orderNo} was already placed on this channel.` };
}

/** Thrown inside a transaction to roll it back and answer with the refusal. */
export class OrderRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export const SKU_LOCK_SPACE = 0x59504b55; // "YPKU": orders' per-SKU advisory locks

/**
 * The per-SKU order locks of `sortedIds` (an int[] in SKU order), as a scalar expression: they are taken in the
 * array's order (a function in a select list runs before any ORDER BY of the same query, so the order is the array's).
 */
const skuLocksSql = (sortedIds: Prisma.Sql) =>
  Prisma.sql`(SELECT count(*) FROM (SELECT pg_advisory_xact_lock(${SKU_LOCK_SPACE}, id) FROM unnest(${sortedIds}) AS id) l)::int`;

/** Serializes order work per SKU (placement, re-routing): ATS spans locations, row locks alone cannot. */
export async function lockSkus(tx: SqlTx, skuIds: number[]) {
  const ids = [...new Set(skuIds)].sort((a, b) => a - b);
  await tx.$queryRaw`SELECT ${skuLocksSql(Prisma.sql`${ids}::int[]`)} AS locked`;
}

function outOfStock(lines: { code: string; requested: number; available: number }[]): Refusal {
  return {
    status: 409,
    code: "out_of_stock",
    message: "Not enough available to sell for this channel; nothing was reserved.",
    fields: lines.map((l) => ({ field: `sku:${l.code}`, value: l.requested, message: `${l.available} available of ${l.requested} requested` })),
  };
}

function shippedBySku(shipments: Shipment[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of shipments) for (const l of s.lines) out.set(l.skuId, (out.get(l.skuId) ?? 0) + l.quantity);
  return out;
}

type References = {
  skuByCode: Map<string, { id: number; code: string; priceCents: number }>;
  stores: Map<string, { id: number; code: string; canPickup: boolean }>;
  existing: Set<string>;
};

type Started = References & { strategy: () => ActiveStrategy; orderIds: bigint[] };

/**
 * What placement needs before it reads stock, in one round trip: every code the orders name, which of their order
 * numbers the channel already has, the channel's active strategy, an id per order (those refused are left unused)
 * — and the SKU locks, taken in SKU order (an array, so the order is the array's), before anything reads stock.
 * What this statement reads predates the locks: an order number placed meanwhile by the lock holder is caught by
 * the unique index (409 duplicate_order). The strategy is parsed only when an order gets routed.
 */
async function startPlacement(tx: SqlTx, channelId: number, inputs: OrderInput[]): Promise<Started> {
  const codes = [...new Set(inputs.flatMap((i) => i.lines.map((l) => l.sku)))];
  const storeCodes = [...new Set(inputs.flatMap((i) => [i.pickupStore, i.sellingStore].filter((c): c is string => !!c)))];
  const orderNos = inputs.map((i) => i.orderNo);
  const [row] = await tx.$queryRaw<{
    skus: { id: number; code: string; priceCents: number }[] | null; stores: { id: number; code: string; canPickup: boolean }[] | null;
    existing: string[] | null; strategy: Parameters<typeof toActiveStrategy>[0]; order_ids: string[]; locked: number;
  }[]>`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'code', code, 'priceCents', price_cents)) FROM sku WHERE code = ANY(${codes}::text[])) AS skus,
      (SELECT json_agg(json_build_object('id', id, 'code', code, 'canPickup', can_pickup)) FROM location WHERE code = ANY(${storeCodes}::text[])) AS stores,
      (SELECT array_agg(external_ref) FROM customer_order WHERE channel_id = ${channelId} AND external_ref = ANY(${orderNos}::text[])) AS existing,
      ${activeStrategySql(channelId)} AS strategy,
      ARRAY(SELECT nextval(pg_get_serial_sequence('customer_order', 'id')) FROM generate_series(1, ${inputs.length}))::text[] AS order_ids,
      ${skuLocksSql(Prisma.sql`ARRAY(SELECT id FROM sku WHERE code = ANY(${codes}::text[]) ORDER BY id)`)} AS locked`;
  return {
    skuByCode: new Map((row.skus ?? []).map((s) => [s.code, s])),
    stores: new Map((row.stores ?? []).map((l) => [l.code, l])),
    existing: new Set(row.existing ?? []),
    strategy: () => toActiveStrategy(row.strategy),
    orderIds: row.order_ids.map((id) => BigInt(id)),
  };
}

function resolveWith(input: OrderInput, refs: References): ResolvedOrder | { refusal: Refusal } {
  const { skuByCode, stores } = refs;
  const fields: NonNullable<Refusal["fields"]> = [];
  input.lines.forEach((l, i) => {
    if (!skuByCode.has(l.sku)) fields.push({ field: `lines[${i}].sku`, value: l.sku, message: "no SKU with this code" });
  });
  for (const [field, value] of [["pickupStore", input.pickupStore], ["sellingStore", input.sellingStore]] as const) {
    if (value && !stores.has(value)) fields.push({ field, value, message: "no location with this code" });
  }
  if (fields.length > 0) return { refusal: { status: 404, code: "unknown_code", message: "Some codes name nothing that exists; nothing was written.", fields } };
  const pickup = input.pickupStore ? stores.get(input.pickupStore)! : null;
  if (pickup && !pickup.canPickup) {
    return { refusal: { status: 422, code: "invalid_body", message: "That location does not hand over pickup orders.", fields: [{ field: "pickupStore", value: pickup.code, message: "not a pickup location" }] } };
  }
  return {
    lines: input.lines.map((l) => {
      const sku = skuByCode.get(l.sku)!;
      return { code: l.sku, skuId: sku.id, quantity: l.quantity, price: l.unitPriceCents ?? sku.priceCents };
    }),
    pickupId: pickup?.id ?? null,
    sellingId: input.sellingStore ? stores.get(input.sellingStore)!.id : null,
  };
}

export type Routed = {
  plan: { shipments: (Shipment & { reservationId: string })[]; backOrdered: { skuId: number; quantity: number }[] };
  explanation: Explanation | null;
  attempts: number;
};

/**
 * Routes `order` and reserves the plan; stock that vanished in between sends it round again. `keyBase` makes the
 * reservations' idempotency keys unique per routing of the order (placement, each re-route).
 */
export async function routeAndReserve(
  tx: SqlTx, orderId: bigint, keyBase: string, order: RoutingOrder, rules: Parameters<typeof route>[2], actor: string, pickupId: number | null, now: Date,
): Promise<Routed> {
  if (order.lines.length === 0) return { plan: { shipments: [], backOrdered: [] }, explanation: null, attempts: 0 };
  const skuIds = order.lines.map((l) => l.skuId);
  for (let attempt = 1; ; attempt++) {
    const candidates = await candidatesFor(skuIds, { always: pickupId ? [pickupId] : [], now }, tx);
    const decision = route(order, candidates, rules);
    if (decision.kind !== "plan") throw new Error("a pickup order reached routing without its store");
    const shipments = decision.plan.shipments;
    const result = await reserveMany(tx, actor, shipments.map((s) => ({
      idempotencyKey: `${keyBase}:${attempt}:${s.locationId}`, reference: `order:${orderId}`, lines: s.lines.map((l) => ({ ...l, locationId: s.locationId })),
    })));
    if (result.ok) {
      const reserved = shipments.map((s, i) => ({ ...s, reservationId: result.reservationIds[i] }));
      return { plan: { shipments: reserved, backOrdered: decision.plan.backOrdered }, explanation: decision.explanation, attempts: attempt };
    }
    if (attempt === ATTEMPTS) throw new OrderRefused(STOCK_MOVING);
  }
}

/**
 * Writes plans' shipments and lines (and back-ordered lines) in one statement, with the `alongside` statements
 * (the orders themselves, at placement) as data-modifying WITH clauses; returns each plan's shipments.
 */
export async function recordPlans(
  tx: SqlTx, plans: { orderId: bigint; routed: Routed; lines: { skuId: number; price: number }[]; backOrdered: Map<number, number> }[], now: Date,
  alongside: Prisma.Sql[] = [],
): Promise<RecordedShipment[][]> {
  const all = plans.flatMap((p) => p.routed.plan.shipments.map((s) => ({ orderId: p.orderId, s })));
  const lines: unknown[][] = [];
  for (const p of plans) {
    const price = new Map(p.lines.map((l) => [l.skuId, l.price]));
    for (const s of p.routed.plan.shipments) for (const l of s.lines) lines.push([p.orderId, l.skuId, l.quantity, s.locationId, price.get(l.skuId)!, now]);
    for (const [skuId, quantity] of p.backOrdered) if (quantity > 0) lines.push([p.orderId, skuId, quantity, null, price.get(skuId)!, now]);
  }
  // A plan has one shipment per location, so (order, location) finds a line's shipment; back-ordered lines have none.
  const clauses = [
    ...alongside.map((sql, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${sql})`),
    Prisma.sql`s AS (${insertSql("order_shipment", SHIPMENT_COLUMNS, all.map(({ orderId, s }) => [orderId, s.locationId, "RESERVED", s.reservationId, s.km, s.costCents]), "id, order_id, location_id")})`,
    Prisma.sql`l AS (
      INSERT INTO order_line (order_id, sku_id, quantity, fulfill_location_id, shipment_id, unit_price_cents, placed_at)
      SELECT u.order_id, u.sku_id, u.quantity, u.fulfill_location_id, s.id, u.unit_price_cents, u.placed_at
      FROM ${rowsTable(LINE_COLUMNS, lines)} LEFT JOIN s ON s.order_id = u.order_id AND s.location_id = u.fulfill_location_id)`,
  ];
  const created = await tx.$queryRaw<{ id: bigint; order_id: bigint; location_id: number }[]>`
    WITH ${Prisma.join(clauses, ", ")} SELECT id, order_id, location_id FROM s`;
  const idOf = new Map(created.map((c) => [`${c.order_id}:${c.location_id}`, c.id]));
  return plans.map((p) => p.routed.plan.shipments.map((s) => ({ id: idOf.get(`${p.orderId}:${s.locationId}`)!, locationId: s.locationId, code: s.code, km: s.km, costCents: s.costCents, lines: s.lines })));
}

export async function recordPlan(
  tx: SqlTx, orderId: bigint, routed: Routed, lines: { skuId: number; price: number }[], backOrdered: Map<number, number>, now: Date,
): Promise<RecordedShipment[]> {
  return (await recordPlans(tx, [{ orderId, routed, lines, backOrdered }], now))[0];
}

export type RecordedShipment = { id: bigint; locationId: number; code: string; km: number; costCents: number; lines: { skuId: number; quantity: number }[] };
