import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { activeStrategyFor } from "../orders/strategy";
import { replay, simulateOrder } from "./simulate";
import { activateDraft, assignStrategy, createStrategy, getStrategy, saveDraft } from "./strategies";

// Fixture ATP: A1 — WH 85, DC 15; B1 — WH 1000, DC 400, ST 5. Locations share one point, so distance and cost tie.
let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

describe("routing strategies", () => {
  it("edits a draft, activates it, keeps the history, and routes the channel with it", async () => {
    const created = await createStrategy({ code: "LIVE-FIRST", name: "Live first" }, "merch@test");
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    expect(await assignStrategy(ids.channel.id, id)).toMatchObject({ ok: false, field: "strategyId" }); // nothing active yet

    const designated = { maxSplits: 0, filters: [{ kind: "capability" as const }], rankers: [{ kind: "designated" as const, locationIds: [ids.locations.st.id] }, { kind: "complete" as const }] };
    expect(await saveDraft(id, designated, "the host store first", "merch@test")).toEqual({ ok: true, data: { version: 1 } });
    expect(await activateDraft(id, "hq@test")).toEqual({ ok: true, data: { version: 1 } });
    expect(await saveDraft(id, { ...designated, maxSplits: 1 }, "allow one split", "merch@test")).toEqual({ ok: true, data: { version: 2 } });
    expect(await activateDraft(id, "hq@test")).toEqual({ ok: true, data: { version: 2 } });
    const history = await getStrategy(id);
    expect(history!.versions.map((v) => [v.version, v.status, v.createdBy, v.activatedBy])).toEqual([
      [2, "ACTIVE", "merch@test", "hq@test"],
      [1, "RETIRED", "merch@test", "hq@test"],
    ]);

    expect(await assignStrategy(ids.channel.id, id)).toMatchObject({ ok: true });
    const active = await activeStrategyFor(ids.channel.id);
    expect(active).toMatchObject({ code: "LIVE-FIRST", rules: { maxSplits: 1 } });
    // Designated first: the store wins for what it holds, although the code tie-break would pick DC.
    const sim = await simulateOrder(active.rules, { destination: { lat: 31.2, lng: 121.4 }, lines: [{ skuId: ids.skus.b1.id, quantity: 2 }] });
    expect(sim.decision.kind === "plan" && sim.decision.plan.shipments.map((s) => s.code)).toEqual(["ST"]);
  });

  it("replays recent orders under two rule sets from the same stock", async () => {
    const channelId = ids.channel.id;
    for (let i = 0; i < 4; i++) {
      await db().order.create({
        data: {
          channelId, status: "DELIVERED", placedAt: new Date(Date.now() - i * 60_000), city: "Shanghai", province: "Shanghai", latitude: 31.2, longitude: 121.4, totalCents: 1,
          lines: { create: [{ skuId: ids.skus.a1.id, quantity: 10, unitPriceCents: 1, placedAt: new Date() }, { skuId: ids.skus.b1.id, quantity: 1, unitPriceCents: 1, placedAt: new Date() }] },
        },
      });
    }
    const complete = { maxSplits: 1, filters: [], rankers: [{ kind: "complete" as const }] };
    const storeFirst = { maxSplits: 1, filters: [], rankers: [{ kind: "designated" as const, locationIds: [ids.locations.st.id] }, { kind: "complete" as const }] };
    const result = await replay({ draft: storeFirst, active: complete }, 10, channelId);
    expect(result.orders).toBe(4);
    // Complete first: one location (DC, then WH once DC's 15 A1 are gone) ships both lines — no splits.
    expect(result.active).toMatchObject({ routed: 4, splitRate: 0, backOrderedUnits: 0 });
    // The store holds B1 only, so putting it first splits every order in two.
    expect(result.draft).toMatchObject({ routed: 4, splitRate: 1 });
    expect(result.draft.load.find((l) => l.code === "ST")).toMatchObject({ shipments: 4, units: 4 });
  });
});
