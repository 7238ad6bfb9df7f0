// Where a 500-order batch spends its time, statement by statement (`npm run bench -- --only=statements`): every
// round trip of pg's Client.query is timed while batches are placed and rolled back; Node's share is the rest.
// `--orders=16` profiles a group of the size single-order intake forms under load instead.
import pg from "pg";
import { benchDay, orderBody, placeRolledBack } from "./orders";
import { ms } from "./stats";

const ORDERS = Number(process.argv.find((a) => a.startsWith("--orders="))?.slice("--orders=".length) ?? 500);
const REPS = ORDERS < 100 ? 50 : 5;

export async function benchStatements() {
  if (!Number.isInteger(ORDERS) || ORDERS < 1 || ORDERS > 500) throw new Error("--orders=N: a whole number of orders from 1 to 500 (a batch's limit)");
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
    const byStatement = new Map<string, number>(); // summed over the measured reps, in first-seen order
    for (let rep = 0; rep <= REPS; rep++) {
      trips = [];
      const orders = Array.from({ length: ORDERS }, (_, i) => orderBody(`st${Date.now().toString(36)}-${rep}`, i + rep * ORDERS, skus));
      const started = performance.now();
      await placeRolledBack(channel, orders);
      if (rep === 0) continue; // the first warms up
      totals.push(performance.now() - started);
      for (const t of trips) byStatement.set(t.sql, (byStatement.get(t.sql) ?? 0) + t.ms);
    }
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sql = [...byStatement.values()].reduce((a, b) => a + b, 0) / REPS;
    console.log(`\n${ORDERS}-order batch, placed and rolled back: mean ${ms(mean)} over ${REPS}; statement by statement (mean per batch):`);
    console.log(`\n| statement | time |\n|---|---|`);
    for (const [text, total] of byStatement) console.log(`| \`${text}\` | ${ms(total / REPS)} |`);
    console.log(`| all statements (the reservation's includes the encoding it overlaps) | ${ms(sql)} |`);
  } finally {
    pg.Client.prototype.query = query;
  }
}
