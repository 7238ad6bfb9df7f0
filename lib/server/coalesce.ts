/**
 * Reads by key that arrive while one is in flight wait and go together in the next: one round trip serves every
 * caller that arrived meanwhile (32 clients of one channel → a handful of reads, not 32), and no caller gets an
 * answer read before it asked. A lone caller goes at once.
 */
export function coalesced<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  type Waiter = { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void };
  let waiting: Waiter[] = [];
  let inFlight = false;
  async function flush() {
    inFlight = true;
    const batch = waiting;
    waiting = [];
    try {
      const found = await load([...new Set(batch.map((w) => w.key))]);
      for (const w of batch) w.resolve(found.get(w.key));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    inFlight = false;
    if (waiting.length > 0) void flush();
  }
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!inFlight) void flush();
    });
}
