// Where a 500-order batch spends its time, statement by statement (`npm run bench -- --only=statements`): every
// round trip of pg's Client.query is timed while batches are placed and rolled back; Node's share is the rest.
import pg from "pg";
import { benchDay, orderBody, placeRolledBack } from "./orders";
import { ms } from "./stats";

const ORDERS = 500;
const REPS = 5;

export async function benchStatements() {
  const { channel, skus } = await benchDay();
  let trips: { sql: string; ms: number }[] = [];
  const query = pg.Client.prototype.query;
  // Timing wrapper for this bench only: resolves when the server answered.
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const started = performance.now();
    const text = String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string }).text ?? "?");
    const result = query.apply(this, args) as unknown;
    if (result instanceof Promise) result.then(() => trips.push({ sql: text.replace(/\s+/g, " ").trim().slice(0, 70), ms: performance.now() - started }), () => {});
    return result as ReturnType<typeof query>;
  } as typeof query;
  try {
    const totals: number[] = [];
    for (let rep = 0; rep <= REPS; rep++) {
      trips = [];
      const orders = Array.from({ length: ORDERS }, (_, i) => orderBody(`st${Date.now().toString(36)}-${rep}`, i, skus));
      const started = performance.now();
      await placeRolledBack(channel, orders);
      if (rep > 0) totals.push(performance.now() - started); // the first warms up
    }
    const sql = trips.reduce((sum, t) => sum + t.ms, 0);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    console.log(`\n${ORDERS}-order batch, placed and rolled back: mean ${ms(mean)} over ${REPS}; the last one statement by statement:`);
    console.log(`\n| statement | time |\n|---|---|`);
    for (const t of trips) console.log(`| \`${t.sql}\` | ${ms(t.ms)} |`);
    console.log(`| all statements (the reservation's includes the encoding it overlaps) | ${ms(sql)} |`);
  } finally {
    pg.Client.prototype.query = query;
  }
}
