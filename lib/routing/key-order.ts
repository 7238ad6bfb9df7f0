// Locations in (designated positions, code) order as numbers, for the lists built in that order (lists.ts,
// fillByKey): a key per location and a sort of candidate indices by key.

/** Code units a key holds. */
const PREFIX_UNITS = 6;
/** Keys of one position: codePrefix is below it. */
export const PREFIX_RANGE = 97 ** PREFIX_UNITS;

/**
 * The code's first PREFIX_UNITS units as a number in the code's order: printable ASCII (32–126) as 1–95, the end
 * as 0, in base 97. A unit outside that range stops it (96 above, 0 below), so codes that agree up to there get the
 * same number and only (code, id) can tell them apart.
 */
export function codePrefix(code: string): number {
  let key = 0;
  let i = 0;
  for (; i < PREFIX_UNITS && i < code.length; i++) {
    const u = code.charCodeAt(i);
    if (u < 32 || u > 126) {
      key = key * 97 + (u > 126 ? 96 : 0);
      i++;
      break;
    }
    key = key * 97 + (u - 31);
  }
  for (; i < PREFIX_UNITS; i++) key *= 97;
  return key;
}

// The last code seen for each location id below SEEN_IDS, and its codePrefix: a location keeps its code from one
// order to the next, and looking it up costs less than the arithmetic on its units. Grown as ids come.
const SEEN_IDS = 1 << 16;
const seenCodes: (string | undefined)[] = [];
let seenPrefixes = new Float64Array(256);

/** codePrefix(c.code), remembered per location id (checked against the code, so a new code is seen). */
export function prefixOf(c: { locationId: number; code: string }): number {
  const id = c.locationId;
  if (id < seenCodes.length && seenCodes[id] === c.code) return seenPrefixes[id];
  const key = codePrefix(c.code);
  if (Number.isInteger(id) && id >= 0 && id < SEEN_IDS) {
    while (seenCodes.length <= id) seenCodes.push(undefined); // no holes: the array stays a plain list
    if (seenPrefixes.length <= id) {
      const grown = new Float64Array(Math.min(SEEN_IDS, 2 * (id + 1)));
      grown.set(seenPrefixes);
      seenPrefixes = grown;
    }
    seenCodes[id] = c.code;
    seenPrefixes[id] = key;
  }
  return key;
}

/** Working arrays of sortByKey, grown as needed. */
export class KeySort {
  tmp = new Int32Array(256);
  hi = new Int32Array(256);
  lo = new Int32Array(256);
  counts = new Int32Array(257);
  /** Where each run of keys starts (sortByKey). */
  starts = new Int32Array(16);

  /** Room for candidate indices below n. */
  reserve(n: number): void {
    if (this.tmp.length >= n) return;
    this.tmp = new Int32Array(2 * n);
    this.hi = new Int32Array(2 * n);
    this.lo = new Int32Array(2 * n);
  }
}

/**
 * order[0, n) — candidate indices in increasing order — sorted by keys[c] (whole numbers below 2^50), then by index.
 * When they come in a few runs of keys that do not drop (candidates passed in an order close to the keys'), the runs
 * are merged, which compares little; otherwise a radix sort, which does not depend on the order.
 */
export function sortByKey(order: Int32Array, n: number, keys: Float64Array, work: KeySort): void {
  const starts = work.starts;
  let runs = 1;
  for (let i = 1; i < n && runs <= MERGED_RUNS; i++) if (keys[order[i]] < keys[order[i - 1]]) starts[runs++] = i;
  if (runs > MERGED_RUNS) radixSort(order, n, keys, work);
  else if (runs > 1) {
    starts[0] = 0;
    starts[runs] = n;
    mergeRuns(order, n, keys, runs, work);
  }
}

const MERGED_RUNS = 8;

/** Runs starts[0, runs) (starts[runs] = n) merged pairwise until one is left. */
function mergeRuns(order: Int32Array, n: number, keys: Float64Array, runs: number, work: KeySort): void {
  const starts = work.starts;
  let from: Int32Array = order;
  let to: Int32Array = work.tmp;
  while (runs > 1) {
    let merged = 0;
    for (let q = 0; q < runs; q += 2) {
      const lo = starts[q];
      const mid = starts[q + 1];
      const hi = q + 2 <= runs ? starts[q + 2] : mid;
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) {
        const x = from[a];
        const y = from[b];
        if (keys[y] < keys[x] || (keys[y] === keys[x] && y < x)) {
          to[o++] = y;
          b++;
        } else {
          to[o++] = x;
          a++;
        }
      }
      while (a < mid) to[o++] = from[a++];
      while (b < hi) to[o++] = from[b++];
      starts[merged++] = lo;
    }
    starts[merged] = n;
    runs = merged;
    const t = from;
    from = to;
    to = t;
  }
  settle(order, from, n);
}

/** Least significant digit first, 8 bits at a time over the key's low 26 bits and its high 24; stable. */
function radixSort(order: Int32Array, n: number, keys: Float64Array, work: KeySort): void {
  const { hi, lo, counts } = work;
  for (let i = 0; i < n; i++) {
    const c = order[i];
    const h = Math.floor(keys[c] / 2 ** 26);
    hi[c] = h;
    lo[c] = keys[c] - h * 2 ** 26;
  }
  let from: Int32Array = order;
  let to: Int32Array = work.tmp;
  for (let pass = 0; pass < 7; pass++) {
    const part = pass < 4 ? lo : hi;
    const shift = (pass < 4 ? pass : pass - 4) * 8;
    counts.fill(0, 0, 257);
    for (let i = 0; i < n; i++) counts[((part[from[i]] >>> shift) & 255) + 1]++;
    // A digit every key shares sorts nothing.
    let shared = false;
    for (let d = 1; d <= 256; d++) {
      if (counts[d] === n) shared = true;
      counts[d] += counts[d - 1];
    }
    if (shared) continue;
    for (let i = 0; i < n; i++) {
      const c = from[i];
      to[counts[(part[c] >>> shift) & 255]++] = c;
    }
    const t = from;
    from = to;
    to = t;
  }
  settle(order, from, n);
}

/** The passes of a sort alternate between order and a scratch array: the result back into order if it ended there. */
function settle(order: Int32Array, last: Int32Array, n: number): void {
  if (last !== order) for (let i = 0; i < n; i++) order[i] = last[i];
}
