export type Timing = { p50: number; p95: number; max: number; runs: number };

/** Runs `fn` a few times to warm caches, then `runs` times; returns milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 30, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1], runs };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
