// The console's order form (HQ places an order the way a channel's integration does): its values, the order it
// sends to intake, and where intake's refusals land on the form. Pure; messages are catalog keys, so the form
// shows them in the viewer's language.
import type { MessageKey } from "@/lib/i18n";

export type LineValues = { sku: string; quantity: string };
export type OrderFormValues = {
  channelId: string;
  orderNo: string;
  city: string;
  province: string;
  lat: string;
  lng: string;
  fulfilment: "SHIP" | "PICKUP";
  pickupStore: string;
  sellingStore: string;
  allowBackorder: boolean;
  lines: LineValues[];
};

/** The order as intake takes it (lib/server/orders/input.ts orderInput). */
export type OrderRequest = {
  orderNo: string;
  destination: { city: string; province: string; lat: number; lng: number };
  fulfilment: "SHIP" | "PICKUP";
  pickupStore?: string;
  sellingStore?: string;
  allowBackorder: boolean;
  lines: { sku: string; quantity: number }[];
};

/** A message for one field: a catalog key with its values, or text from the server that has no key. */
export type Problem = { key: MessageKey; vars?: Record<string, string | number> } | { text: string };
export type Problems = Record<string, Problem>;

/** Form field names: channel, orderNo, city, lat, lng, pickupStore, sellingStore, lines, lines.<i>.sku, lines.<i>.quantity. */
export const lineField = (i: number, part: "sku" | "quantity") => `lines.${i}.${part}`;

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A fresh console order number, "CON-20261130-7KQ2MX": the day (business zone) and six random characters. */
export function newOrderNo(day: string, random: () => number = Math.random): string {
  let tail = "";
  for (let i = 0; i < 6; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `CON-${day.replaceAll("-", "")}-${tail}`;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Checks what the browser can check and builds the request; the server checks everything again. */
export function toOrderRequest(v: OrderFormValues): { ok: true; request: OrderRequest; lines: number[] } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  if (!v.channelId) problems.channel = { key: "orders.form.error.required" };
  if (!v.orderNo.trim()) problems.orderNo = { key: "orders.form.error.required" };
  else if (v.orderNo.trim().length > 64) problems.orderNo = { key: "orders.form.error.tooLong", vars: { max: 64 } };
  if (!v.city.trim() || !v.province.trim()) problems.city = { key: "orders.form.error.required" };
  const lat = coordinate(v.lat, 90);
  const lng = coordinate(v.lng, 180);
  if (lat === null) problems.lat = { key: "orders.form.error.between", vars: { min: -90, max: 90 } };
  if (lng === null) problems.lng = { key: "orders.form.error.between", vars: { min: -180, max: 180 } };
  if (v.fulfilment === "PICKUP" && !v.pickupStore) problems.pickupStore = { key: "orders.form.error.pickStore" };
  if (v.sellingStore.trim() && !CODE.test(v.sellingStore.trim())) problems.sellingStore = { key: "orders.form.error.code" };

  const used = v.lines.map((l, i) => ({ sku: l.sku.trim(), quantity: l.quantity.trim(), i })).filter((l) => l.sku || l.quantity);
  if (used.length === 0) problems[lineField(0, "sku")] = { key: "orders.form.error.noLines" };
  const first = new Map<string, number>();
  for (const l of used) {
    if (!l.sku) problems[lineField(l.i, "sku")] = { key: "orders.form.error.required" };
    else if (!CODE.test(l.sku)) problems[lineField(l.i, "sku")] = { key: "orders.form.error.code" };
    else if (first.has(l.sku)) problems[lineField(l.i, "sku")] = { key: "orders.form.error.sameSku", vars: { line: first.get(l.sku)! + 1 } };
    else first.set(l.sku, l.i);
    const q = Number(l.quantity);
    if (!/^\d+$/.test(l.quantity) || !Number.isInteger(q) || q < 1 || q > 10_000) {
      problems[lineField(l.i, "quantity")] = { key: "orders.form.error.quantity", vars: { max: "10,000" } };
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      orderNo: v.orderNo.trim(),
      destination: { city: v.city.trim(), province: v.province.trim(), lat: lat!, lng: lng! },
      fulfilment: v.fulfilment,
      ...(v.fulfilment === "PICKUP" ? { pickupStore: v.pickupStore } : {}),
      ...(v.sellingStore.trim() ? { sellingStore: v.sellingStore.trim() } : {}),
      allowBackorder: v.allowBackorder,
      lines: used.map((l) => ({ sku: l.sku, quantity: Number(l.quantity) })),
    },
    // Form row of each request line, to put the server's per-line answers back on the right row.
    lines: used.map((l) => l.i),
  };
}

function coordinate(text: string, limit: number): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return null;
  const n = Number(text);
  return Math.abs(n) <= limit ? n : null;
}

/** The refusal intake answers with (lib/server/orders/place.ts Refusal). */
export type RefusalView = { code: string; message: string; fields?: { field: string; value?: unknown; message: string }[] };

/**
 * Where a refusal's fields land on the form. `rows[i]` is the form row of request line i (toOrderRequest).
 * Per-line codes (`lines[0].sku`), out-of-stock lines (`sku:<code>`, "3 available of 5 requested") and the
 * store fields get translated messages; anything else keeps the server's text.
 */
export function refusalProblems(refusal: RefusalView, request: OrderRequest, rows: number[]): Problems {
  const problems: Problems = {};
  const rowOfLine = (i: number) => rows[i] ?? i;
  if (refusal.code === "duplicate_order") problems.orderNo = { key: "orders.form.error.duplicate" };
  for (const f of refusal.fields ?? []) {
    const line = /^lines\[(\d+)\]\.(sku|quantity)$/.exec(f.field);
    const short = /^sku:(.+)$/.exec(f.field);
    if (line) {
      const field = lineField(rowOfLine(Number(line[1])), line[2] as "sku" | "quantity");
      problems[field] = refusal.code === "unknown_code" && line[2] === "sku" ? { key: "orders.form.error.unknownSku", vars: { code: String(f.value ?? "") } } : { text: f.message };
    } else if (short) {
      const i = request.lines.findIndex((l) => l.sku === short[1]);
      const numbers = /^(\d+) available of (\d+) requested$/.exec(f.message);
      const problem: Problem = numbers
        ? { key: "orders.form.error.short", vars: { available: Number(numbers[1]), requested: Number(numbers[2]) } }
        : { text: f.message };
      problems[lineField(i >= 0 ? rowOfLine(i) : 0, "quantity")] = problem;
    } else if (f.field === "orderNo") {
      problems.orderNo = refusal.code === "duplicate_order" ? { key: "orders.form.error.duplicate" } : { text: f.message };
    } else if (f.field === "pickupStore" || f.field === "sellingStore") {
      problems[f.field] =
        refusal.code === "unknown_code" ? { key: "orders.form.error.unknownStore", vars: { code: String(f.value ?? "") } }
        : f.message === "not a pickup location" ? { key: "orders.form.error.notPickup", vars: { code: String(f.value ?? "") } }
        : { text: f.message };
    } else {
      problems[formField(f.field, rows)] = { text: f.message };
    }
  }
  return problems;
}

/**
 * A server field path (zod's "order.lines.0.quantity", "order.destination.lat", "channelId") as the form's field
 * name. `rows` maps request lines back to form rows.
 */
export function formField(path: string, rows: number[] = []): string {
  const p = path.replace(/^order\./, "");
  const line = /^lines\.(\d+)\.(sku|quantity)$/.exec(p);
  if (line) return lineField(rows[Number(line[1])] ?? Number(line[1]), line[2] as "sku" | "quantity");
  if (p === "lines") return lineField(0, "sku");
  if (p === "destination.lat") return "lat";
  if (p === "destination.lng") return "lng";
  if (p.startsWith("destination")) return "city";
  if (p === "channelId") return "channel";
  return p;
}
