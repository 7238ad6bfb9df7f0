// How single-order intake forms its groups (lib/server/orders/intake-group.ts): plain data, unit-tested.

export type Waiting = { key: string; skus: string[]; passedOver: number };

const MAX_GROUP = 64;
// Two groups in flight: while one waits on the database the next is routed, and the server's cores share the work.
const MAX_IN_FLIGHT = 2;
// A second group starts only with this many waiting, or once the oldest has waited this long: a group's fixed cost
// (a dozen round trips, reading its SKUs at every location) is paid per group, and a trickle sent at once would keep
// the groups small — but a group held up (waiting on another instance's SKU lock) must not hold up the rest.
const SECOND_GROUP_MIN = 8;
const SECOND_GROUP_WAIT_MS = 25;
// A group leaves out orders for SKUs a group in flight holds (it would only wait for that group's SKU locks),
// unless an order was passed over this often already: then it goes, and waits.
const PASS_OVER = 2;

export function mayStartGroup(waiting: number, inFlight: number, oldestWaitMs: number): boolean {
  return waiting > 0 && (inFlight === 0 || (inFlight < MAX_IN_FLIGHT && (waiting >= SECOND_GROUP_MIN || oldestWaitMs >= SECOND_GROUP_WAIT_MS)));
}

/** When no group may start now, how long until the oldest waiting request may start the second (null: not by waiting). */
export function wakeAfterMs(waiting: number, inFlight: number, oldestWaitMs: number): number | null {
  if (waiting === 0 || inFlight === 0 || inFlight >= MAX_IN_FLIGHT) return null;
  return Math.max(1, SECOND_GROUP_WAIT_MS - oldestWaitMs);
}

/**
 * The next group, in arrival order: at most MAX_GROUP, one request per Idempotency-Key (a repeated key waits for a
 * later group, where it replays), none for SKUs in flight unless passed over PASS_OVER times. Counts the pass-overs.
 */
export function takeGroup<T extends Waiting>(waiting: T[], inFlight: Iterable<Set<string>>): { group: T[]; rest: T[] } {
  const busy = [...inFlight];
  const held = (w: T) => busy.some((skus) => w.skus.some((sku) => skus.has(sku)));
  const group: T[] = [];
  const rest: T[] = [];
  const passed: T[] = [];
  const keys = new Set<string>();
  for (const w of waiting) {
    if (group.length >= MAX_GROUP || keys.has(w.key)) rest.push(w);
    else if (w.passedOver < PASS_OVER && held(w)) {
      passed.push(w);
      rest.push(w);
    } else {
      keys.add(w.key);
      group.push(w);
    }
  }
  // Only a group that goes ahead of an order passes it over.
  if (group.length > 0) for (const w of passed) w.passedOver++;
  return { group, rest };
}
