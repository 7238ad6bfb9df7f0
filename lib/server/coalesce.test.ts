import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce";

function deferredLoader() {
  const calls: { keys: string[]; release: () => void }[] = [];
  const load = (keys: string[]) =>
    new Promise<Map<string, string>>((resolve) => calls.push({ keys, release: () => resolve(new Map(keys.map((k) => [k, k.toUpperCase()]))) }));
  return { calls, get: coalesced(load) };
}

describe("coalesced", () => {
  it("sends a lone read at once, and the reads that arrive meanwhile together in the next", async () => {
    const { calls, get } = deferredLoader();
    const first = get("a");
    expect(calls.map((c) => c.keys)).toEqual([["a"]]);
    const rest = [get("b"), get("a"), get("c")];
    expect(calls).toHaveLength(1); // nothing sent while the first is in flight
    calls[0].release();
    expect(await first).toBe("A");
    await Promise.resolve();
    expect(calls.map((c) => c.keys)).toEqual([["a"], ["b", "a", "c"]]);
    calls[1].release();
    expect(await Promise.all(rest)).toEqual(["B", "A", "C"]);
  });

  it("answers undefined for a key the read did not find, and passes a failed read to all who waited on it", async () => {
    const get = coalesced(async (keys: string[]) => {
      if (keys.includes("boom")) throw new Error("down");
      return new Map<string, number>([["x", 1]]);
    });
    expect(await get("y")).toBeUndefined();
    const a = get("x");
    const b = get("boom");
    const c = get("x");
    expect(await a).toBe(1);
    await expect(b).rejects.toThrow("down");
    await expect(c).rejects.toThrow("down");
    expect(await get("x")).toBe(1); // and goes on afterwards
  });
});
