import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { historyFilters, ledgerHistory, ledgerSummary } from "./audit";
import { adjustStock } from "./stock/adjustments";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeAll(async () => {
  await resetDatabase();
  ids = await seedFixture();
  // 120 receipts of one unit at WH/A2 by two actors: 8 opening entries + 120 = 128 entries.
  for (let i = 0; i < 120; i++) {
    await adjustStock({
      type: "RECEIVE", actor: i % 2 ? "alice" : "bob", reason: `delivery ${i}`,
      lines: [{ locationId: ids.locations.wh.id, skuId: ids.skus.a2.id, mode: "delta", quantity: 1 }],
    });
  }
});

describe("ledger history", () => {
  it("pages newest first, 50 at a time, without gaps or repeats", async () => {
    const seen: string[] = [];
    let page = await ledgerHistory({});
    expect(page.newer).toBeNull();
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (!page.older) break;
      page = await ledgerHistory({ before: BigInt(page.older) });
    }
    expect(seen).toHaveLength(128);
    expect(new Set(seen).size).toBe(128);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it("pages back to newer entries", async () => {
    const first = await ledgerHistory({});
    const second = await ledgerHistory({ before: BigInt(first.older!) });
    const back = await ledgerHistory({ after: BigInt(second.newer!) });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.newer).toBeNull();
  });

  it("filters by actor, SKU, location and type", async () => {
    const alice = await ledgerHistory({ actor: "alice", before: undefined });
    expect(alice.rows).toHaveLength(50);
    expect(alice.rows.every((r) => r.actor === "alice" && r.type === "RECEIVE" && r.sku === "A2")).toBe(true);
    const b1 = await ledgerHistory({ sku: "B1" });
    expect(b1.rows.map((r) => [r.location, r.type])).toEqual([["ST", "OPENING"], ["DC", "OPENING"], ["WH", "OPENING"]]);
    const st = await ledgerHistory({ location: "ST", type: "OPENING" });
    expect(st.rows).toHaveLength(3);
    expect(await ledgerHistory({ sku: "NO-SUCH" })).toEqual({ rows: [], newer: null, older: null });
  });

  it("validates filters with readable messages", () => {
    const r = historyFilters.safeParse({ from: "yesterday", type: "STEAL" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(["type", "from"]);
    expect(r.error!.issues[1].message).toBe("use a date like 2026-11-22");
  });

  it("summarises the ledger", async () => {
    expect(await ledgerSummary()).toMatchObject({ entries: 128, stockLevels: 9 });
  });
});
