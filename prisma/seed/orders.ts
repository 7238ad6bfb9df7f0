// Order history: per day, store and channel a Poisson number of orders, skewed to popular SKUs.
// Works on list indexes (locations, skus, channels); the caller maps them to database ids.
import { CITIES, type City } from "./cities";
import type { SkuSeed } from "./catalog";
import { HUB_FOR_REGION, jitter, type ChannelSeed, type LocationSeed } from "./network";
import { weightedPicker, type Rng } from "./random";

export type OrderStatus = "PLACED" | "RESERVED" | "SHIPPED" | "DELIVERED" | "CANCELLED";
export type LineSeed = { sku: number; fulfill: number; quantity: number; unitPriceCents: number };
export type OrderSeed = {
  channel: number;
  selling: number | null;
  status: OrderStatus;
  placedAt: Date;
  city: string;
  province: string;
  latitude: number;
  longitude: number;
  totalCents: number;
  lines: LineSeed[];
};

export type OrderPlanInput = {
  locations: readonly LocationSeed[];
  skus: readonly SkuSeed[];
  channels: readonly ChannelSeed[];
  days: number;
  now: Date;
  /** Scale demand down when the expected total would pass this. */
  maxOrders: number;
};

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Orders per store per day by channel, for a store of daily capacity 150. */
const BASE_RATE: Record<string, number> = { POS: 5.5, WEB: 1.2, TMALL: 2.6, JD: 1.8, DOUYIN: 1.4, WXMP: 1.0 };

// prettier-ignore
const HOURS = {
  POS: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 6, 5, 5, 6, 7, 8, 9, 8, 5, 0, 0],
  ONLINE: [2, 1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 5, 4, 4, 4, 4, 5, 6, 7, 9, 10, 8, 5],
  LIVE: [3, 2, 1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 4, 8, 12, 14, 12, 7],
};
const HOUR_INDEX = HOURS.POS.map((_, h) => h);

/** Midnight, China time (UTC+8), of the day `daysAgo` before `now`, as a UTC timestamp. */
function chinaMidnight(now: Date, daysAgo: number): number {
  const local = now.getTime() + CHINA_OFFSET_MS;
  return Math.floor(local / DAY_MS) * DAY_MS - CHINA_OFFSET_MS - daysAgo * DAY_MS;
}

/** Demand multiplier of a day: weekends for stores, a three-day mid-history sale, slow growth. */
function dayFactor(input: OrderPlanInput, daysAgo: number, channel: string): number {
  const weekday = new Date(chinaMidnight(input.now, daysAgo) + CHINA_OFFSET_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  let f = 0.9 + 0.2 * (1 - daysAgo / Math.max(1, input.days));
  if (weekend) f *= channel === "POS" ? 1.35 : 1.1;
  if (isPromoDay(input, daysAgo)) f *= channel === "POS" ? 1.3 : channel === "DOUYIN" ? 3 : 2.2;
  return f;
}

function isPromoDay(input: OrderPlanInput, daysAgo: number): boolean {
  const mid = Math.floor(input.days / 2);
  return input.days >= 14 && Math.abs(daysAgo - mid) <= 1;
}

const storeRate = (loc: LocationSeed, channel: string) => (BASE_RATE[channel] ?? 1) * (loc.dailyCapacity / 150);

/** Expected order count and the factor that keeps it under maxOrders. */
export function planOrders(input: OrderPlanInput): { expected: number; scale: number } {
  let expected = 0;
  const stores = input.locations.filter((l) => l.type === "STORE");
  for (let d = 0; d < input.days; d++) {
    for (const ch of input.channels) {
      const f = dayFactor(input, d, ch.code);
      for (const s of stores) expected += storeRate(s, ch.code) * f;
    }
  }
  return { expected, scale: expected > input.maxOrders ? input.maxOrders / expected : 1 };
}

/** Yields each day's orders, oldest day first, sorted by time so ids follow placed_at. */
export function* generateOrders(input: OrderPlanInput, rng: Rng): Generator<{ day: number; orders: OrderSeed[] }> {
  const { locations, skus, channels, now } = input;
  const { scale } = planOrders(input);
  const index = new Map(locations.map((l, i) => [l.code, i]));
  const storeIdx = locations.flatMap((l, i) => (l.type === "STORE" ? [i] : []));
  const shippersByCity = new Map<string, number[]>();
  for (const i of storeIdx) {
    const l = locations[i];
    if (l.canShip) shippersByCity.set(l.cityCode, [...(shippersByCity.get(l.cityCode) ?? []), i]);
  }
  // Live-stream host stores: the three biggest stores.
  const hosts = [...storeIdx].sort((a, b) => locations[b].dailyCapacity - locations[a].dailyCapacity).slice(0, 3);
  const skuIdx = skus.map((_, i) => i);
  const pickSku = weightedPicker(skuIdx, skus.map((s) => s.popularity));
  const pickCity = weightedPicker(CITIES, CITIES.map((c) => c.weight));
  const cityOf = new Map(CITIES.map((c) => [c.code, c]));

  const shipFrom = (dest: City): number => {
    const r = rng.next();
    if (r < 0.4) return index.get("WH-01")!;
    const hub = index.get(HUB_FOR_REGION[dest.region])!;
    if (r < 0.75) return hub;
    const local = shippersByCity.get(dest.code);
    return local ? rng.pick(local) : hub;
  };

  for (let daysAgo = input.days - 1; daysAgo >= 0; daysAgo--) {
    const dayStart = chinaMidnight(now, daysAgo);
    const promo = isPromoDay(input, daysAgo);
    const orders: OrderSeed[] = [];
    for (const s of storeIdx) {
      const store = locations[s];
      for (let c = 0; c < channels.length; c++) {
        const ch = channels[c].code;
        const n = rng.poisson(storeRate(store, ch) * dayFactor(input, daysAgo, ch) * scale);
        for (let k = 0; k < n; k++) {
          const hours = ch === "POS" ? HOURS.POS : ch === "DOUYIN" ? HOURS.LIVE : HOURS.ONLINE;
          const placed = dayStart + rng.weighted(HOUR_INDEX, hours) * 3_600_000 + Math.floor(rng.next() * 3_600_000);
          if (placed > now.getTime()) continue; // today: only what has happened so far

          // Who gets the credit: the store at the till, a store guide on the mini program, a live-stream host.
          let selling: number | null = null;
          if (ch === "POS") selling = s;
          else if (ch === "WXMP" && rng.chance(0.6)) selling = s;
          else if (ch === "DOUYIN" && rng.chance(0.35)) selling = rng.pick(hosts);

          const home = cityOf.get(store.cityCode)!;
          const dest = ch === "POS" || rng.chance(0.65) ? home : pickCity(rng);
          const [latitude, longitude] =
            ch === "POS" ? [store.latitude, store.longitude] : jitter(rng, dest.latitude, dest.longitude, 8);

          const lineCount = rng.weighted([1, 2, 3], [0.75, 0.19, 0.06]);
          const lines: LineSeed[] = [];
          let first = -1;
          for (let li = 0; li < lineCount; li++) {
            let sku = pickSku(rng);
            for (let t = 0; t < 3 && lines.some((l) => l.sku === sku); t++) sku = pickSku(rng);
            if (lines.some((l) => l.sku === sku)) continue;
            let fulfill: number;
            if (ch === "POS") fulfill = s;
            else if (first >= 0 && rng.chance(0.85)) fulfill = first; // most orders ship whole
            else if (selling !== null && locations[selling].canShip && rng.chance(0.5)) fulfill = selling;
            else fulfill = shipFrom(dest);
            if (first < 0) first = fulfill;
            lines.push({
              sku,
              fulfill,
              quantity: rng.weighted([1, 2, 3], [0.86, 0.11, 0.03]),
              unitPriceCents: Math.round((skus[sku].priceCents * discount(ch, promo, rng)) / 100) * 100,
            });
          }
          orders.push({
            channel: c,
            selling,
            status: statusFor(ch, (now.getTime() - placed) / DAY_MS, rng),
            placedAt: new Date(placed),
            city: dest.name,
            province: dest.province,
            latitude,
            longitude,
            totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
            lines,
          });
        }
      }
    }
    orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
    yield { day: input.days - daysAgo, orders };
  }
}

function discount(channel: string, promo: boolean, rng: Rng): number {
  if (promo) return 0.85;
  if ((channel === "TMALL" || channel === "JD") && rng.chance(0.3)) return 0.9;
  if (channel === "DOUYIN" && rng.chance(0.6)) return 0.8;
  if (channel === "POS" && rng.chance(0.1)) return 0.95; // member price
  return 1;
}

/** Old orders are delivered; the last two days are still moving through reserve → ship → deliver. */
function statusFor(channel: string, ageDays: number, rng: Rng): OrderStatus {
  if (rng.chance(channel === "POS" ? 0.005 : 0.03)) return "CANCELLED";
  if (channel === "POS" || ageDays >= 2.5) return "DELIVERED";
  if (ageDays < 0.25) return rng.weighted(["PLACED", "RESERVED", "SHIPPED"] as const, [0.15, 0.65, 0.2]);
  if (ageDays < 1) return rng.weighted(["RESERVED", "SHIPPED", "DELIVERED"] as const, [0.4, 0.55, 0.05]);
  if (ageDays < 1.5) return rng.weighted(["RESERVED", "SHIPPED", "DELIVERED"] as const, [0.15, 0.6, 0.25]);
  return rng.weighted(["RESERVED", "SHIPPED", "DELIVERED"] as const, [0.03, 0.4, 0.57]);
}
