// Channel lock periods and available-to-sell: pure domain code, no database or framework. See PRODUCT.md.

export * from "./locks";
export * from "./ats";
export * from "./conflicts";
export { type ScopeIndex, covering, indexByScope } from "./scope-index";
