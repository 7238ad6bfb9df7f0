import { channelAts } from "@/lib/server/channels/availability";
import { feedDelta, feedSnapshot } from "@/lib/server/channels/feed";
import { createLock, type LockInput } from "@/lib/server/channels/locks";
import { db } from "@/lib/server/db";
import { measure, ms } from "./stats";

const LOCKS = 50;

/**
 * Issue #4: the full availability snapshot of 10,000 SKUs for one channel with 50 active locks (target < 1 s), and
 * the ATS of one SKU (target < 5 ms). The bench locks are recreated each run through createLock (conflict-checked).
 */
export async function benchChannels() {
  const prisma = db();
  await prisma.channelLock.deleteMany({ where: { name: { startsWith: "bench " } } });
  const channels = await prisma.channel.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  const brands = await prisma.brand.findMany({ orderBy: { id: "asc" } });
  const categories = (await prisma.sku.findMany({ distinct: ["category"], select: { category: true }, orderBy: { category: "asc" } })).map((c) => c.category);
  const skus = await prisma.$queryRaw<{ id: number; code: string }[]>`
    SELECT k.id, k.code FROM sku k JOIN stock_rollup_sku r ON r.sku_id = k.id WHERE r.atp > 200 ORDER BY k.id LIMIT 200`;
  const now = new Date();
  const window = { startsAt: new Date(now.getTime() - 3_600_000), endsAt: new Date(now.getTime() + 7 * 86_400_000), timeZone: "Asia/Shanghai" };
  const inputs: LockInput[] = [];
  for (let i = 0; inputs.length < LOCKS; i++) {
    const channelId = channels[i % channels.length].id;
    const base = { ...window, channelId, name: `bench ${i}` };
    if (i % 5 === 0) inputs.push({ ...base, kind: "CAP", scope: { kind: "ALL" }, amount: { unit: "PERCENT", value: 90 } });
    else if (i % 5 === 1) inputs.push({ ...base, kind: "RING_FENCE", scope: { kind: "BRAND", brandId: brands[i % brands.length].id }, amount: { unit: "PERCENT", value: 2 } });
    else if (i % 5 === 2) inputs.push({ ...base, kind: "CAP", scope: { kind: "CATEGORY", category: categories[i % categories.length] }, amount: { unit: "UNITS", value: 500 } });
    else inputs.push({ ...base, kind: "RING_FENCE", scope: { kind: "SKU", skuId: skus[i % skus.length].id }, amount: { unit: "UNITS", value: 5 } });
  }
  let refused = 0;
  const created = performance.now();
  for (const input of inputs) if (!(await createLock(input, "bench", now)).ok) refused++;
  const perLock = (performance.now() - created) / inputs.length;

  const channel = channels[1] ?? channels[0];
  console.log(`\n${LOCKS - refused} active locks (${refused} refused as conflicts) over ${channels.length} channels; createLock with its conflict check: ${ms(perLock)} per lock on average`);
  console.log(`\n| availability (channel ${channel.code}) | p50 | p95 | max | runs |\n|---|---|---|---|---|`);
  const full = await measure(async () => {
    const page = await feedSnapshot(channel.id, undefined, 10_000);
    if (page.items.length !== 10_000) throw new Error(`snapshot returned ${page.items.length} SKUs`);
  }, 20);
  console.log(`| full snapshot, 10,000 SKUs in one page | ${ms(full.p50)} | ${ms(full.p95)} | ${ms(full.max)} | ${full.runs} |`);
  const paged = await measure(async () => {
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await feedSnapshot(channel.id, cursor, 1000);
      n += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (n !== 10_000) throw new Error(`paged snapshot returned ${n} SKUs`);
  }, 10);
  console.log(`| full snapshot, 10 pages of 1,000 (all pages) | ${ms(paged.p50)} | ${ms(paged.p95)} | ${ms(paged.max)} | ${paged.runs} |`);
  const one = await measure(() => channelAts(channel.id, [skus[3].id]), 50);
  console.log(`| ATS of one SKU (${skus[3].code}, under a SKU fence and ALL / category caps) | ${ms(one.p50)} | ${ms(one.p95)} | ${ms(one.max)} | ${one.runs} |`);
  const since = (await feedSnapshot(channel.id, undefined, 1)).since;
  const delta = await measure(() => feedDelta(channel.id, since), 20);
  console.log(`| delta since a token, nothing changed | ${ms(delta.p50)} | ${ms(delta.p95)} | ${ms(delta.max)} | ${delta.runs} |`);
}
