// Order intake in the data layer, without HTTP (`npm run bench -- --only=intake`): the single-order group commit
// with 32 concurrent callers in one process, and 500-order batches placed and rolled back. Beside the HTTP figures
// of orders.ts, these tell the server's request handling apart from the intake work itself.
import { orderInput } from "@/lib/server/orders/input";
import { placeOrderGrouped } from "@/lib/server/orders/intake-group";
import { benchDay, orderBody, placeRolledBack } from "./orders";
import { ms } from "./stats";

const CALLERS = 32;
const SECONDS = 8;
const BATCHES = 5;

export async function benchIntake() {
  const { channel, skus } = await benchDay();
  const tag = `i${Date.now().toString(36)}`;

  let next = 0;
  let placed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CALLERS }, async () => {
    while (performance.now() < until) {
      const i = next++;
      const answer = await placeOrderGrouped(channel, orderInput.parse(orderBody(tag, i, skus)), `${tag}-${i}`, "api:bench");
      if (answer.status === 201) placed++;
    }
  }));
  console.log(`\ngroup commit in process (${CALLERS} callers, ${SECONDS} s): ${Math.round(next / SECONDS)} orders/s (${placed} of ${next} placed)`);

  const times: number[] = [];
  for (let b = 0; b <= BATCHES; b++) {
    const orders = Array.from({ length: 500 }, (_, i) => orderBody(`${tag}-batch${b}`, i, skus));
    const started = performance.now();
    await placeRolledBack(channel, orders);
    if (b > 0) times.push(performance.now() - started); // the first warms up
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`batch in the data layer (500 orders, placed and rolled back, mean of ${BATCHES}): ${ms(mean)} = ${Math.round(500 / (mean / 1000))} orders/s`);
}
