// Replenishment suggestions (PRODUCT.md "Transfers and replenishment", issue #6): pure domain code. See replenish.ts.

export { DEFAULT_REPLENISHMENT_CONFIG, replenish, replenishAll, roundUpToPack } from "./replenish";
export type { ReplenishmentCode, ReplenishmentConfig, ReplenishmentInput, ReplenishmentPolicy, ReplenishmentRow } from "./replenish";
