// The fulfilment network (warehouse, DCs, stores) and sales channels, as pure data; no database access.
import { CITIES, cityByCode, type City, type Region } from "./cities";
import { createRng, type Rng } from "./random";

export { CITIES, PROVINCES, REGIONS, cityByCode, type City, type Region } from "./cities";
export { BRANDS, CATEGORY_NAMES, COLOURS, buildSkus, type BrandSeed, type SkuSeed } from "./catalog";
export { stockFor, type StockSeed } from "./stock";

export type LocationType = "WAREHOUSE" | "DC" | "STORE";

export type LocationSeed = {
  code: string;
  name: string;
  nameZh: string;
  type: LocationType;
  cityCode: string;
  city: string;
  cityZh: string;
  province: string;
  provinceZh: string;
  region: Region;
  latitude: number;
  longitude: number;
  canShip: boolean;
  canPickup: boolean;
  dailyCapacity: number;
  shipBaseCents: number;
  shipPerKmCents: number;
  shipPerUnitCents: number;
  exclusiveBrandCode?: string;
};

export type ChannelType = "WEBSTORE" | "MARKETPLACE" | "LIVESTREAM" | "MINIPROGRAM" | "POS";
export type ChannelSeed = { code: string; name: string; nameZh: string; type: ChannelType };

export const CHANNELS: readonly ChannelSeed[] = [
  { code: "WEB", name: "Webstore 官网商城", nameZh: "官网商城", type: "WEBSTORE" },
  { code: "TMALL", name: "Tmall 天猫", nameZh: "天猫", type: "MARKETPLACE" },
  { code: "JD", name: "JD 京东", nameZh: "京东", type: "MARKETPLACE" },
  { code: "DOUYIN", name: "Douyin Live 抖音直播", nameZh: "抖音直播", type: "LIVESTREAM" },
  { code: "WXMP", name: "WeChat Mini Program 微信小程序", nameZh: "微信小程序", type: "MINIPROGRAM" },
  { code: "POS", name: "Store POS 门店收银", nameZh: "门店收银", type: "POS" },
];

/** The non-store sites: the national warehouse first (location id 1 on a fresh database), then the DCs. */
const HUBS = [
  {
    code: "WH-01", type: "WAREHOUSE", city: "WUH", en: "Wuhan National Warehouse", zh: "武汉全国仓",
    region: "CENTRAL", capacity: 20000,
  },
  { code: "DC-EAST", type: "DC", city: "KSN", en: "Kunshan East DC", zh: "昆山华东仓", region: "EAST", capacity: 8000 },
  { code: "DC-NORTH", type: "DC", city: "LFG", en: "Langfang North DC", zh: "廊坊华北仓", region: "NORTH", capacity: 6000 },
  { code: "DC-SOUTH", type: "DC", city: "CAN", en: "Guangzhou South DC", zh: "广州华南仓", region: "SOUTH", capacity: 6000 },
  {
    code: "DC-SOUTHWEST", type: "DC", city: "CTU", en: "Chengdu Southwest DC", zh: "成都西南仓",
    region: "SOUTHWEST", capacity: 4000,
  },
] as const;

export const HUB_COUNT = HUBS.length;

/** Which hub serves online orders shipped to a region (regions without a DC lean on a neighbour). */
export const HUB_FOR_REGION: Record<Region, string> = {
  EAST: "DC-EAST", NORTH: "DC-NORTH", NORTHEAST: "DC-NORTH", SOUTH: "DC-SOUTH",
  SOUTHWEST: "DC-SOUTHWEST", NORTHWEST: "DC-SOUTHWEST", CENTRAL: "WH-01",
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** A point a few km from the city centre (sd ≈ km × 0.009° of latitude). */
export function jitter(rng: Rng, lat: number, lon: number, km: number): [number, number] {
  const d = km * 0.009;
  const dLat = Math.max(-3 * d, Math.min(3 * d, rng.normal(0, d)));
  const dLon = Math.max(-3 * d, Math.min(3 * d, rng.normal(0, d))) / Math.cos((lat * Math.PI) / 180);
  return [round4(lat + dLat), round4(lon + dLon)];
}

/**
 * Store seats per city by the Sainte-Laguë method over city weights: big cities get several stores,
 * smaller ones join as the count grows, and every city keeps getting more once all have one.
 */
function allocateStores(stores: number): City[] {
  const seats = new Map<string, number>();
  const order: City[] = [];
  for (let i = 0; i < stores; i++) {
    let best = CITIES[0];
    let bestScore = -1;
    for (const city of CITIES) {
      const score = city.weight / (2 * (seats.get(city.code) ?? 0) + 1);
      if (score > bestScore) [best, bestScore] = [city, score];
    }
    seats.set(best.code, (seats.get(best.code) ?? 0) + 1);
    order.push(best);
  }
  return order;
}

/** `count` locations: 1 warehouse, 4 DCs, then stores (ST-SHA-001 is always the first store). */
export function buildLocations(count = 45, seed: number | string = 1): LocationSeed[] {
  if (count < HUB_COUNT) throw new Error(`buildLocations: need at least ${HUB_COUNT} locations`);
  const rng = createRng(seed).fork("network");
  const place = (c: City) => ({
    cityCode: c.code, city: c.name, cityZh: c.nameZh, province: c.province, provinceZh: c.provinceZh,
  });

  const hubs: LocationSeed[] = HUBS.map((h) => {
    const c = cityByCode(h.city);
    const [latitude, longitude] = jitter(rng, c.latitude, c.longitude, 5); // logistics parks sit outside the centre
    const warehouse = h.type === "WAREHOUSE";
    return {
      code: h.code, name: h.en, nameZh: h.zh, type: h.type, ...place(c), region: h.region, latitude, longitude,
      canShip: true, canPickup: false, dailyCapacity: h.capacity,
      shipBaseCents: warehouse ? 500 : 600, shipPerKmCents: 1, shipPerUnitCents: warehouse ? 40 : 70,
    };
  });

  const perCity = new Map<string, number>();
  const stores = allocateStores(count - HUB_COUNT).map((c): LocationSeed => {
    const n = perCity.get(c.code) ?? 0;
    perCity.set(c.code, n + 1);
    const [districtEn, districtZh] = c.districts[n % c.districts.length];
    const round = Math.floor(n / c.districts.length); // past the district list: "… Store 2"
    const flagship = n === 0;
    const [latitude, longitude] = jitter(rng, c.latitude, c.longitude, flagship ? 2 : 5);
    const capacity = 40 + c.weight * 22 + rng.normal(0, 25) + (flagship ? 40 : 0);
    return {
      code: `ST-${c.code}-${String(n + 1).padStart(3, "0")}`,
      name: `${c.name} ${districtEn} Store${round ? ` ${round + 1}` : ""}`,
      nameZh: `${c.nameZh}${districtZh}${round ? round + 1 : ""}店`,
      type: "STORE", ...place(c), region: c.region, latitude, longitude,
      canShip: flagship || rng.chance(0.8),
      canPickup: true,
      dailyCapacity: Math.round(Math.min(300, Math.max(40, capacity))),
      // Stores pick and pack by hand: dearer per unit than the warehouse, cheap for short hops.
      shipBaseCents: rng.int(8, 12) * 100, shipPerKmCents: rng.int(2, 3), shipPerUnitCents: rng.int(20, 40) * 10,
    };
  });

  // One store with a brand-exclusive zone (a Lotus Lane shop-in-shop); it still stocks every SKU.
  const zoned = stores.find((s) => s.code === "ST-HGH-002");
  if (zoned) zoned.exclusiveBrandCode = "LOTUS";
  return [...hubs, ...stores];
}
