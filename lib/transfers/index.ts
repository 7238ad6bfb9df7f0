// Transfer suggestions (PRODUCT.md "Transfers and replenishment", issue #6): pure domain code, no database or
// framework. velocity.ts → how fast each location sells; suggest.ts → what to move where, and why.

export { VELOCITY_HALF_LIFE_DAYS, VELOCITY_WINDOW_DAYS, dailySales, dayWeights, velocity, velocityStats } from "./velocity";
export type { VelocityOptions, VelocityStats } from "./velocity";
export { DEFAULT_TRANSFER_CONFIG, transferConfig, validateConfig } from "./config";
export type { LocationThresholds, TransferConfig, TransferConfigOverrides } from "./config";
export { prepareNetwork, suggestAll, suggestForSku } from "./suggest";
export type {
  TransferEffect,
  TransferLevel,
  TransferLocation,
  TransferNetwork,
  TransferReason,
  TransferReasonCode,
  TransferRunTotals,
  TransferSku,
  TransferSuggestion,
} from "./suggest";
export { describeSuggestion } from "./describe";
export { coverDays } from "./cover";
