import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scopeCovers } from "./locks";
import { covering, indexByScope } from "./scope-index";
import { catalogue, locks } from "./test-arbitraries";

describe("indexByScope", () => {
  it("finds exactly the locks whose scope covers the SKU, each once", () => {
    fc.assert(
      fc.property(locks, catalogue, (ls, skus) => {
        const index = indexByScope(ls);
        for (const sku of skus) {
          const found = covering(index, sku).map((l) => l.id).sort((a, b) => a - b);
          expect(found).toEqual(ls.filter((l) => scopeCovers(l.scope, sku)).map((l) => l.id));
        }
      }),
    );
  });
  it("puts each scope kind in its own group", () => {
    const index = indexByScope([
      { id: 1, scope: { kind: "SKU", skuId: 9 } },
      { id: 2, scope: { kind: "BRAND", brandId: 9 } },
      { id: 3, scope: { kind: "CATEGORY", category: "bags" } },
      { id: 4, scope: { kind: "ALL" } },
    ] as const);
    expect(covering(index, { skuId: 9, brandId: 1, category: "shoes" }).map((l) => l.id)).toEqual([1, 4]);
    expect(covering(index, { skuId: 1, brandId: 9, category: "bags" }).map((l) => l.id)).toEqual([2, 3, 4]);
  });
});
