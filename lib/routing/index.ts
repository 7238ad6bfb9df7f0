// Order routing (PRODUCT.md "Order routing"): pure domain code, no database or framework. See route.ts and search.ts.

export * from "./types";
export { route, pickupOptions, TOP_PLANS } from "./route";
export { describe, describeValue } from "./describe";
export { haversineKm, haversineMetres } from "./geo";
export { shipmentCents } from "./layout";
export { MAX_BLOCK_LINES, SET_BUDGET } from "./search";
