import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, seedFixture, sell } from "@/tests/support/fixture";
import { db } from "../db";
import { generateSuggestions } from "./suggest";

// Fixture B1: WH 1000 free, DC 400 free, ST 5 free (7 on hand, safety 2). Nobody has sold B1 yet.
let ids: Awaited<ReturnType<typeof seedFixture>>;
const now = new Date("2026-11-30T04:00:00Z");
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

describe("generateSuggestions", () => {
  it("proposes moving stock to the store that is running out, from a location that does not sell it, with reasons", async () => {
    for (let d = 1; d <= 10; d++) await sell({ channelId: ids.channel.id, skuId: ids.skus.b1.id, locationId: ids.locations.st.id, quantity: 3, daysAgo: d, now });
    const progress: number[] = [];
    const result = await generateSuggestions("engine", (done) => progress.push(done), now);
    expect(result.skus).toBe(3);
    expect(progress.at(-1)).toBe(3);

    const toStore = await db().transfer.findMany({ where: { skuId: ids.skus.b1.id, toLocationId: ids.locations.st.id } });
    expect(toStore.length).toBeGreaterThan(0);
    for (const t of toStore) {
      expect(t).toMatchObject({ status: "PROPOSED", origin: "SUGGESTED", createdBy: "engine" });
      expect([ids.locations.wh.id, ids.locations.dc.id]).toContain(t.fromLocationId);
      expect((t.reason as { reason: { codes: string[] } }).reason.codes).toContain("DESTINATION_UNDERSTOCKED");
    }
    expect(result.proposed).toBe(await db().transfer.count());
    expect(await db().transferEvent.count({ where: { action: "PROPOSED" } })).toBe(result.proposed);

    // A second run supersedes the first run's untouched proposals instead of piling up duplicates.
    const again = await generateSuggestions("engine", undefined, now);
    expect(await db().transfer.count({ where: { status: "PROPOSED" } })).toBe(again.proposed);
    expect(await db().transfer.count({ where: { status: "CANCELLED" } })).toBe(result.proposed);
  });
});
