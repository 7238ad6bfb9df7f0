/**
 * The ATP of many locations for one set of SKUs, as a column per location over one shared SKU index. Routing
 * looks up an order's few SKUs at every candidate location: with a batch's thousand SKUs loaded, 200 maps of a
 * thousand entries each cost ≈ 8× more per look-up than one small, hot index and a typed array per location
 * (the same few index entries stay in cache). Each column reads like a ReadonlyMap — a SKU without stock at the
 * location is absent, as it would be from a map — and takes `set`, so a batch can take units out as it routes.
 */
export class AtpColumns {
  private readonly index: Map<number, number>;

  constructor(readonly skuIds: readonly number[]) {
    this.index = new Map(skuIds.map((id, i) => [id, i]));
  }

  /** A location's column: `skus[i]` holds `atps[i]`; SKUs outside the index go to the column's own map. */
  column(skus: readonly number[], atps: readonly number[]): AtpColumn {
    const values = new Float64Array(this.skuIds.length).fill(Number.NaN);
    const column = new AtpColumn(this.index, this.skuIds, values);
    for (let i = 0; i < skus.length; i++) column.set(skus[i], atps[i]);
    return column;
  }
}

export class AtpColumn implements ReadonlyMap<number, number> {
  private extra: Map<number, number> | null = null;

  constructor(
    private readonly index: ReadonlyMap<number, number>,
    private readonly skuIds: readonly number[],
    private readonly atps: Float64Array,
  ) {}

  get(skuId: number): number | undefined {
    const i = this.index.get(skuId);
    if (i === undefined) return this.extra?.get(skuId);
    const v = this.atps[i];
    return Number.isNaN(v) ? undefined : v;
  }

  has(skuId: number): boolean {
    return this.get(skuId) !== undefined;
  }

  set(skuId: number, atp: number): this {
    const i = this.index.get(skuId);
    if (i !== undefined) this.atps[i] = atp;
    else (this.extra ??= new Map()).set(skuId, atp);
    return this;
  }

  /** An independent copy (a replay routes the same start twice). */
  copy(): AtpColumn {
    const out = new AtpColumn(this.index, this.skuIds, this.atps.slice());
    if (this.extra) out.extra = new Map(this.extra);
    return out;
  }

  get size(): number {
    let n = this.extra?.size ?? 0;
    for (const v of this.atps) if (!Number.isNaN(v)) n++;
    return n;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.atps.length; i++) if (!Number.isNaN(this.atps[i])) yield [this.skuIds[i], this.atps[i]];
    if (this.extra) yield* this.extra;
  }

  *keys(): MapIterator<number> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<number> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: number, map: ReadonlyMap<number, number>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
