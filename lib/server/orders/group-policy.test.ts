import { describe, expect, it } from "vitest";
import { mayStartGroup, takeGroup, type Waiting, wakeAfterMs } from "./group-policy";

const w = (key: string, ...skus: string[]): Waiting => ({ key, skus, passedOver: 0 });
const keys = (ws: Waiting[]) => ws.map((x) => x.key);

describe("intake groups", () => {
  it("start at once when nothing is in flight, a second only when enough wait or one waited long, never a third", () => {
    expect(mayStartGroup(0, 0, 0)).toBe(false);
    expect(mayStartGroup(1, 0, 0)).toBe(true);
    expect(mayStartGroup(7, 1, 0)).toBe(false);
    expect(mayStartGroup(8, 1, 0)).toBe(true);
    expect(mayStartGroup(1, 1, 25)).toBe(true); // the group in flight is held up: do not wait on it
    expect(mayStartGroup(100, 2, 10_000)).toBe(false);
  });

  it("wake the queue when a waiting request may start the second group, and not while both are in flight", () => {
    expect(wakeAfterMs(1, 1, 5)).toBe(20);
    expect(wakeAfterMs(1, 1, 60)).toBe(1);
    expect(wakeAfterMs(3, 2, 60)).toBeNull(); // the end of a group pumps the queue
    expect(wakeAfterMs(3, 0, 0)).toBeNull();
    expect(wakeAfterMs(0, 1, 0)).toBeNull();
  });

  it("take waiting orders in arrival order, one per Idempotency-Key, at most 64", () => {
    const waiting = [w("a", "X"), w("b", "Y"), w("a", "X"), ...Array.from({ length: 70 }, (_, i) => w(`k${i}`, "Z"))];
    const { group, rest } = takeGroup(waiting, []);
    expect(group).toHaveLength(64);
    expect(keys(group).slice(0, 3)).toEqual(["a", "b", "k0"]);
    expect(keys(rest)).toEqual(["a", ...Array.from({ length: 8 }, (_, i) => `k${62 + i}`)]);
  });

  it("leave out orders for SKUs a group in flight holds, and take them once passed over twice", () => {
    const late = w("late", "HOT", "Y");
    const inFlight = [new Set(["HOT"])];
    let waiting = [late, w("b", "Y")];
    let taken = takeGroup(waiting, inFlight);
    expect([keys(taken.group), keys(taken.rest), late.passedOver]).toEqual([["b"], ["late"], 1]);
    // Nothing else to take: no group forms, so nobody went ahead and the count stays.
    taken = takeGroup(taken.rest, inFlight);
    expect([keys(taken.group), late.passedOver]).toEqual([[], 1]);
    waiting = [...taken.rest, w("c", "Z")];
    taken = takeGroup(waiting, inFlight);
    expect([keys(taken.group), late.passedOver]).toEqual([["c"], 2]);
    taken = takeGroup([...taken.rest, w("d", "Q")], inFlight);
    expect(keys(taken.group)).toEqual(["late", "d"]); // goes now, and waits for the locks in the database
  });

  it("take everyone when all want one SKU and nothing is in flight (a live-stream drop)", () => {
    const waiting = Array.from({ length: 10 }, (_, i) => w(`o${i}`, "DROP"));
    expect(takeGroup(waiting, []).group).toHaveLength(10);
    expect(takeGroup(waiting, [new Set(["DROP"])]).group).toHaveLength(0);
  });
});
