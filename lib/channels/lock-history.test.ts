import { describe, expect, it } from "vitest";
import { lockChanges, lockFacts, scopeSkuIds } from "./lock-history";

const row = {
  id: 4,
  channelId: 2,
  name: "Double 11",
  kind: "RING_FENCE",
  scopeKind: "SKU",
  scopeSkuId: 17,
  scopeBrandId: null,
  scopeCategory: null,
  unit: "UNITS",
  amount: 30,
  startsAt: "2026-11-01T00:00:00.000Z",
  endsAt: "2026-11-12T00:00:00.000Z",
  timeZone: "Asia/Shanghai",
  cancelledAt: null,
  createdBy: "hq@yipan.dev",
  createdAt: "2026-10-20T08:00:00.000Z",
  updatedAt: "2026-10-20T08:00:00.000Z",
  version: 1,
};

describe("lock history", () => {
  it("reads a snapshot's facts", () => {
    expect(lockFacts(row)).toEqual({
      name: "Double 11",
      kind: "RING_FENCE",
      scope: { kind: "SKU", skuId: 17, brandId: null, category: null },
      amount: { unit: "UNITS", value: 30 },
      startsAt: "2026-11-01T00:00:00.000Z",
      endsAt: "2026-11-12T00:00:00.000Z",
      timeZone: "Asia/Shanghai",
    });
    expect(lockFacts(null)).toBeNull();
  });

  it("lists what an edit changed, not the bookkeeping", () => {
    const after = { ...row, amount: 40, unit: "UNITS", endsAt: "2026-11-13T00:00:00.000Z", version: 2, updatedAt: "2026-10-21T08:00:00.000Z" };
    expect(lockChanges(row, after)).toEqual([
      { field: "amount", before: { unit: "UNITS", value: 30 }, after: { unit: "UNITS", value: 40 } },
      { field: "endsAt", before: "2026-11-12T00:00:00.000Z", after: "2026-11-13T00:00:00.000Z" },
    ]);
    const rescoped = { ...row, scopeKind: "BRAND", scopeSkuId: null, scopeBrandId: 3 };
    expect(lockChanges(row, rescoped)).toEqual([
      { field: "scope", before: { kind: "SKU", skuId: 17, brandId: null, category: null }, after: { kind: "BRAND", skuId: null, brandId: 3, category: null } },
    ]);
  });

  it("a cancellation or creation changes none of the facts", () => {
    expect(lockChanges(row, { ...row, cancelledAt: "2026-10-22T00:00:00.000Z", version: 2 })).toEqual([]);
    expect(lockChanges(null, row)).toEqual([]);
  });

  it("collects the SKU ids scopes name", () => {
    expect(scopeSkuIds([row, { ...row, scopeSkuId: 9 }, null, { ...row, scopeKind: "ALL", scopeSkuId: null }]).sort()).toEqual([17, 9].sort());
  });
});
