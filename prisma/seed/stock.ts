// Believable stock per location × SKU: deep at the warehouse and DCs, shallow and patchy at stores.
import type { SkuSeed } from "./catalog";
import type { LocationSeed } from "./network";
import type { Rng } from "./random";

export type StockSeed = { onHand: number; reserved: number; safetyStock: number; inTransit: number };

type StockLocation = Pick<LocationSeed, "type" | "dailyCapacity" | "exclusiveBrandCode">;
type StockSku = Pick<SkuSeed, "brandCode" | "popularity" | "hot" | "supply">;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function stockFor(location: StockLocation, sku: StockSku, rng: Rng): StockSeed {
  // Stock is bought sub-linearly to demand, so hits turn over faster than the long tail (as in real buying).
  const demand = Math.pow(sku.popularity, 0.5) * sku.supply;
  return location.type === "STORE" ? storeStock(location, sku, demand, rng) : bulkStock(location, sku, demand, rng);
}

function bulkStock(location: StockLocation, sku: StockSku, demand: number, rng: Rng): StockSeed {
  const warehouse = location.type === "WAREHOUSE";
  const depth = (warehouse ? 45 : 14) * demand * rng.logNormal(0, 0.4);
  const safetyStock = Math.round(clamp(depth * (warehouse ? 0.12 : 0.2), warehouse ? 5 : 2, warehouse ? 60 : 20));
  // Rare gaps: hits sold through faster than the buy, the odd line never allocated to a DC.
  const gap = rng.chance((sku.hot ? 0.1 : 0.02) + (warehouse ? 0 : 0.02));
  const onHand = gap ? rng.int(0, Math.ceil(safetyStock / 2)) : Math.round(depth);
  const reserved = Math.min(onHand, Math.round(onHand * rng.next() * (warehouse ? 0.05 : 0.08)));
  const inbound = rng.chance(gap ? 0.6 : warehouse ? 0.12 : 0.08);
  const inTransit = inbound ? Math.max(1, Math.round(depth * (0.3 + rng.next() * 0.7))) : 0;
  return { onHand, reserved, safetyStock, inTransit };
}

function storeStock(location: StockLocation, sku: StockSku, demand: number, rng: Rng): StockSeed {
  const size = Math.pow(location.dailyCapacity / 150, 0.7); // bigger stores hold more per SKU
  const zone = location.exclusiveBrandCode === sku.brandCode ? 1.6 : 1; // a brand's own zone is stocked deeper
  const depth = 2.2 * size * demand * zone;
  const safetyStock = Math.round(clamp(depth * 0.6 + rng.normal(0.1, 0.6), 0, 3));

  const outChance = 0.085 + (sku.hot ? 0.12 : 0) + (sku.supply < 1 ? 0.15 : 0);
  if (rng.chance(outChance)) {
    // Either nothing on the shelf, or the last units are promised to orders.
    const onHand = rng.chance(0.6) ? 0 : rng.int(1, 2);
    const inTransit = rng.chance(0.25) ? rng.int(2, 8) : 0;
    return { onHand, reserved: onHand, safetyStock, inTransit };
  }

  let onHand = 1 + rng.poisson(Math.max(0, depth - 1));
  if (rng.chance(sku.supply > 1 ? 0.2 : 0.02)) onHand += rng.int(10, 30); // overstock: a buy that did not sell
  const reserved = onHand > 1 && rng.chance(0.1) ? rng.int(1, Math.min(2, onHand - 1)) : 0;
  const inTransit = rng.chance(0.03) ? rng.int(2, 10) : 0;
  return { onHand, reserved, safetyStock, inTransit };
}
