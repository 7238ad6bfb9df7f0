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

/** Working arrays of sortByKey, grown as needed. */
export class KeySort {
  tmp = new Int32Array(256);
  hi = new Int32Array(256);
  lo = new Int32Array(256);
  counts = new Int32Array(257);

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
 * `runs`: how many times the key drops from one index to the next. Few runs (candidates passed in an order close to
 * the keys'): a merge sort, which then compares little; else a radix sort, which does not depend on the order.
 */
export function sortByKey(order: Int32Array, n: number, keys: Float64Array, runs: number, work: KeySort): void {
  if (runs <= 8) mergeSort(order, n, keys, work.tmp);
  else radixSort(order, n, keys, work);
}

function mergeSort(order: Int32Array, n: number, keys: Float64Array, tmp: Int32Array): void {
  // Runs of 8 sorted by insertion, then merged pairwise.
  const RUN = 8;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const c = order[i];
      const k = keys[c];
      let at = i;
      for (; at > lo && (keys[order[at - 1]] > k || (keys[order[at - 1]] === k && order[at - 1] > c)); at--) order[at] = order[at - 1];
      order[at] = c;
    }
  }
  let from: Int32Array = order;
  let to: Int32Array = tmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
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
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== order) for (let i = 0; i < n; i++) order[i] = from[i];
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
  if (from !== order) for (let i = 0; i < n; i++) order[i] = from[i];
}
