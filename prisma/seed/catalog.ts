// Fictional brands and a deterministic style × colour × size catalogue with a long-tail popularity.
import { createRng, type Rng } from "./random";

export type BrandSeed = { code: string; name: string; nameZh: string; short: string; share: number };

export const BRANDS: readonly BrandSeed[] = [
  { code: "SKYL", name: "Skyline Sports", nameZh: "天际运动", short: "Skyline", share: 0.35 },
  { code: "NPK", name: "Northpeak", nameZh: "北峰户外", short: "Northpeak", share: 0.25 },
  { code: "LOTUS", name: "Lotus Lane", nameZh: "莲巷女装", short: "Lotus Lane", share: 0.2 },
  { code: "RIVR", name: "Riverstone Kids", nameZh: "溪石童装", short: "Riverstone", share: 0.2 },
];

type SizeRun = { sizes: readonly string[]; centre: number; width: number };

const SHOES: SizeRun = { sizes: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"], centre: 4.5, width: 3.2 };
const APPAREL: SizeRun = { sizes: ["XS", "S", "M", "L", "XL", "XXL"], centre: 2.5, width: 2 };
const WOMEN: SizeRun = { sizes: ["XS", "S", "M", "L", "XL", "XXL"], centre: 1.8, width: 1.8 };
const KIDS: SizeRun = { sizes: ["100", "110", "120", "130", "140", "150", "160"], centre: 3, width: 2.5 };

export const COLOURS: Record<string, { en: string; zh: string }> = {
  BLK: { en: "Black", zh: "黑色" }, WHT: { en: "White", zh: "白色" }, NVY: { en: "Navy", zh: "藏青" },
  GRY: { en: "Grey", zh: "灰色" }, RED: { en: "Red", zh: "红色" }, BLU: { en: "Blue", zh: "蓝色" },
  ORG: { en: "Orange", zh: "橙色" }, GRN: { en: "Olive", zh: "橄榄绿" }, KHK: { en: "Khaki", zh: "卡其" },
  BRN: { en: "Brown", zh: "棕色" }, BEG: { en: "Beige", zh: "米色" }, PNK: { en: "Pink", zh: "粉色" },
  PRP: { en: "Lilac", zh: "浅紫" }, YEL: { en: "Yellow", zh: "黄色" }, CRM: { en: "Cream", zh: "奶白" },
};

type Category = {
  code: string;
  en: string;
  zh: string;
  run: SizeRun;
  /** Price range in yuan; prices end in 9 like real tags. */
  price: [number, number];
  models: readonly string[];
  colours: readonly string[];
  weight: number;
};

// prettier-ignore
const CATEGORIES: Record<string, Category[]> = {
  SKYL: [
    { code: "RS", en: "Running shoes", zh: "跑鞋", run: SHOES, price: [399, 1299], weight: 3, models: ["Aero Runner", "Swift Glide", "Tempo Pro", "Cloud Stride", "Pace Lite"], colours: ["BLK", "WHT", "NVY", "GRY", "RED", "BLU", "ORG"] },
    { code: "SN", en: "Sneakers", zh: "板鞋", run: SHOES, price: [299, 899], weight: 2, models: ["Court Classic", "Street Lite", "Retro 86", "Canvas Low"], colours: ["WHT", "BLK", "CRM", "GRN", "NVY"] },
    { code: "TS", en: "T-shirts", zh: "T恤", run: APPAREL, price: [99, 299], weight: 2, models: ["Dri Tee", "Core Tee", "Training Tee"], colours: ["BLK", "WHT", "GRY", "NVY", "RED", "BLU"] },
    { code: "HD", en: "Hoodies", zh: "卫衣", run: APPAREL, price: [199, 499], weight: 1.5, models: ["Fleece Hoodie", "Zip Hoodie", "Crew Sweat"], colours: ["BLK", "GRY", "NVY", "CRM", "GRN"] },
    { code: "TP", en: "Track pants", zh: "运动裤", run: APPAREL, price: [199, 399], weight: 1, models: ["Track Pant", "Tapered Jogger"], colours: ["BLK", "GRY", "NVY"] },
  ],
  NPK: [
    { code: "DJ", en: "Down jackets", zh: "羽绒服", run: APPAREL, price: [799, 1999], weight: 3, models: ["Summit Down", "Glacier Parka", "Featherlite Down"], colours: ["BLK", "NVY", "RED", "GRN", "KHK", "WHT"] },
    { code: "HK", en: "Hiking shoes", zh: "徒步鞋", run: SHOES, price: [499, 1299], weight: 2, models: ["Ridge Trekker", "Trail Scout", "Canyon Mid"], colours: ["BRN", "GRY", "BLK", "KHK"] },
    { code: "SJ", en: "Shell jackets", zh: "冲锋衣", run: APPAREL, price: [699, 1599], weight: 2, models: ["Storm Shell", "Alpine 3L"], colours: ["BLU", "ORG", "BLK", "GRN", "RED"] },
    { code: "FL", en: "Fleece jackets", zh: "抓绒衣", run: APPAREL, price: [299, 599], weight: 1.5, models: ["Polar Fleece", "Grid Fleece"], colours: ["GRY", "NVY", "CRM", "GRN"] },
    { code: "PT", en: "Trail pants", zh: "户外裤", run: APPAREL, price: [299, 599], weight: 1, models: ["Trail Pant", "Convertible Pant"], colours: ["KHK", "BLK", "GRY"] },
  ],
  LOTUS: [
    { code: "DR", en: "Dresses", zh: "连衣裙", run: WOMEN, price: [299, 999], weight: 3, models: ["Wrap Dress", "Midi Dress", "Shirt Dress", "Slip Dress"], colours: ["BLK", "BEG", "PNK", "NVY", "GRN", "CRM", "PRP"] },
    { code: "BL", en: "Blouses", zh: "衬衫", run: WOMEN, price: [199, 599], weight: 2, models: ["Silk Blouse", "Linen Shirt", "Bow Blouse"], colours: ["WHT", "CRM", "BLK", "PNK", "BLU"] },
    { code: "SK", en: "Skirts", zh: "半身裙", run: WOMEN, price: [199, 499], weight: 1.5, models: ["Pleated Skirt", "A-line Skirt"], colours: ["BLK", "BEG", "KHK", "NVY"] },
    { code: "KN", en: "Knit cardigans", zh: "针织开衫", run: WOMEN, price: [299, 699], weight: 1.5, models: ["Soft Cardigan", "Cropped Knit"], colours: ["CRM", "GRY", "PNK", "BLK", "YEL"] },
    { code: "TC", en: "Trench coats", zh: "风衣", run: WOMEN, price: [699, 1599], weight: 1, models: ["Classic Trench", "Belted Coat"], colours: ["KHK", "BLK", "BEG"] },
  ],
  RIVR: [
    { code: "KS", en: "Kids sets", zh: "儿童套装", run: KIDS, price: [129, 399], weight: 3, models: ["Play Set", "Lounge Set", "School Set"], colours: ["BLU", "PNK", "YEL", "GRN", "GRY", "RED"] },
    { code: "KT", en: "Kids T-shirts", zh: "儿童T恤", run: KIDS, price: [99, 199], weight: 2, models: ["Doodle Tee", "Stripe Tee"], colours: ["WHT", "YEL", "BLU", "PNK", "RED"] },
    { code: "KD", en: "Kids down jackets", zh: "儿童羽绒服", run: KIDS, price: [399, 899], weight: 1.5, models: ["Puffer", "Snow Parka"], colours: ["RED", "NVY", "PNK", "YEL"] },
    { code: "KH", en: "Kids hoodies", zh: "儿童卫衣", run: KIDS, price: [149, 299], weight: 1.5, models: ["Cosy Hoodie", "Zip Hoodie"], colours: ["GRY", "BLU", "PNK", "GRN"] },
    { code: "KP", en: "Kids pants", zh: "儿童裤", run: KIDS, price: [99, 249], weight: 1, models: ["Jogger", "Cargo Pant"], colours: ["NVY", "KHK", "GRY", "BLK"] },
  ],
};

export const CATEGORY_NAMES: Record<string, { en: string; zh: string }> = Object.fromEntries(
  Object.values(CATEGORIES).flat().map((c) => [c.en, { en: c.en, zh: c.zh }]),
);

export type SkuSeed = {
  code: string;
  name: string;
  brandCode: string;
  category: string;
  style: string;
  color: string;
  size: string;
  priceCents: number;
  costCents: number;
  /** Relative demand, mean 1 over the catalogue; orders and stock depth follow it. */
  popularity: number;
  /** Among the top 5 % by popularity. */
  hot: boolean;
  /** How well bought the SKU is relative to its demand: < 1 under-bought (runs out), > 1 overstock. */
  supply: number;
};

function bell(index: number, run: SizeRun): number {
  const z = (index - run.centre) / run.width;
  return Math.exp(-z * z);
}

function tagPrice(rng: Rng, [min, max]: [number, number]): number {
  return Math.min(max, Math.round(rng.int(min, max + 9) / 10) * 10 - 1); // 599, 1299 …
}

/** Exactly `count` SKUs; with one seed, buildSkus(n) codes, names and prices are a prefix of buildSkus(m). */
export function buildSkus(count = 2000, seed: number | string = 1): SkuSeed[] {
  const rng = createRng(seed).fork("catalogue");
  const styleSeq = new Map<string, number>();
  const skus: SkuSeed[] = [];

  while (skus.length < count) {
    const brand = rng.weighted(BRANDS, BRANDS.map((b) => b.share));
    const categories = CATEGORIES[brand.code];
    const cat = rng.weighted(categories, categories.map((c) => c.weight));
    const key = `${brand.code}-${cat.code}`;
    const seq = (styleSeq.get(key) ?? 0) + 1;
    styleSeq.set(key, seq);
    const styleNo = String(2400 + seq); // 2401, 2402 … reads as season 24 + sequence
    const style = `${brand.code}-${cat.code}${styleNo}`;
    const model = cat.models[(seq - 1) % cat.models.length];
    const price = tagPrice(rng, cat.price);
    const costRate = 0.35 + rng.next() * 0.2;
    const stylePop = rng.logNormal(0, 1.0);
    const colours = rng.shuffle([...cat.colours]).slice(0, rng.int(2, Math.min(4, cat.colours.length)));

    colours.forEach((colour, ci) => {
      const colourPop = [1, 0.65, 0.45, 0.3][ci];
      cat.run.sizes.forEach((size, si) => {
        if (skus.length >= count) return;
        skus.push({
          code: `${style}-${colour}-${size}`,
          name: `${brand.short} ${model} ${styleNo} ${COLOURS[colour].en} ${size}`,
          brandCode: brand.code,
          category: cat.en,
          style,
          color: COLOURS[colour].en,
          size,
          priceCents: price * 100,
          costCents: Math.round(price * costRate) * 100,
          popularity: stylePop * colourPop * (0.08 + bell(si, cat.run)) * rng.logNormal(0, 0.15),
          hot: false,
          supply: 1,
        });
      });
    });
  }

  const mean = skus.reduce((s, k) => s + k.popularity, 0) / skus.length;
  for (const k of skus) k.popularity /= mean;
  const sorted = skus.map((k) => k.popularity).sort((a, b) => b - a);
  const hotLine = sorted[Math.floor(sorted.length * 0.05)];
  const coldLine = sorted[Math.floor(sorted.length * 0.8)];
  const supplyRng = rng.fork("supply");
  for (const k of skus) {
    k.hot = k.popularity > hotLine;
    // Buyers under-buy some hits and over-buy some duds: the at-risk and overstock stories of the demo.
    if (k.hot && supplyRng.chance(0.3)) k.supply = 0.15 + supplyRng.next() * 0.25;
    else if (k.popularity < coldLine && supplyRng.chance(0.15)) k.supply = 2 + supplyRng.next() * 1.5;
  }
  return skus;
}
