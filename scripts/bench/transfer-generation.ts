import { db } from "@/lib/server/db";
import { generateSuggestions } from "@/lib/server/transfers/suggest";

/** Issue #6 target: "generate suggestions" end to end (read velocities and stock, suggest, store) under 30 s. */
export async function benchTransferGeneration() {
  const [{ skus, locations }] = await db().$queryRaw<{ skus: number; locations: number }[]>`
    SELECT (SELECT COUNT(*)::int FROM sku) AS skus, (SELECT COUNT(*)::int FROM location) AS locations`;
  const result = await generateSuggestions("bench");
  console.log(`\ngenerate suggestions (read 28 days of sales and ${skus.toLocaleString("en")} SKUs × ${locations} locations of stock, suggest, store): ` +
    `${result.seconds.toFixed(1)} s, ${result.proposed.toLocaleString("en")} transfers proposed`);
}
