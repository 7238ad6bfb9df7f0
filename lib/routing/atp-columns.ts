/**
 * The ATP of many locations for one set of SKUs, in one table over a shared SKU index. Routing reads an order's few
 * SKUs at every candidate location: the table is SKU-major (a SKU's figures at every location side by side), so
 * prepare() finds the order's SKUs in the index once and then reads a few short runs of one array, instead of a
 * map look-up per location and SKU in 200 objects that are seldom in cache. Each location's column reads like a
 * ReadonlyMap — a SKU without stock at the location is absent, as it would be from a map — and takes `set`, so a
 * batch can take units out as it routes.
 */
export class AtpColumns {
  private constructor(
    readonly skuIds: readonly number[],
    readonly index: ReadonlyMap<number, number>,
    /** values[skuIndex × stride + slot]: a location's ATP of a SKU, NaN where it holds none. */
    public values: Float64Array<ArrayBuffer>,
    public stride: number,
    private slots: number,
  ) {}

  /** A table for these SKUs with room for `locations` columns (it grows past them). */
  static over(skuIds: readonly number[], locations = 8): AtpColumns {
    const stride = Math.max(1, locations);
    return new AtpColumns(skuIds, new Map(skuIds.map((id, i) => [id, i])), new Float64Array(skuIds.length * stride).fill(Number.NaN), stride, 0);
  }

  /** A location's column: `skus[i]` holds `atps[i]`; SKUs outside the index go to the column's own map. */
  column(skus: readonly number[], atps: readonly number[]): AtpColumn {
    if (this.slots === this.stride) this.widen(this.stride * 2);
    const column = new AtpColumn(this, this.slots++);
    for (let i = 0; i < skus.length; i++) column.set(skus[i], atps[i]);
    return column;
  }

  private widen(stride: number) {
    const values = new Float64Array(this.skuIds.length * stride).fill(Number.NaN);
    for (let s = 0; s < this.skuIds.length; s++) values.set(this.values.subarray(s * this.stride, s * this.stride + this.slots), s * stride);
    this.values = values;
    this.stride = stride;
  }

  /**
   * Independent copies of columns (a replay routes the same start twice): the columns of one table share one copy
   * of it; a column copied alone gets a table of its own one column wide.
   */
  static copy(columns: readonly AtpColumn[]): AtpColumn[] {
    const count = new Map<AtpColumns, number>();
    for (const c of columns) count.set(c.table, (count.get(c.table) ?? 0) + 1);
    const copies = new Map<AtpColumns, AtpColumns>();
    return columns.map((c) => {
      const t = c.table;
      if (count.get(t) === 1) {
        const values = new Float64Array(t.skuIds.length);
        for (let s = 0; s < values.length; s++) values[s] = t.values[s * t.stride + c.slot];
        return c.copyInto(new AtpColumns(t.skuIds, t.index, values, 1, 1), 0);
      }
      let table = copies.get(t);
      if (!table) copies.set(t, (table = new AtpColumns(t.skuIds, t.index, t.values.slice(), t.stride, t.slots)));
      return c.copyInto(table, c.slot);
    });
  }
}

export class AtpColumn implements ReadonlyMap<number, number> {
  private extra: Map<number, number> | null = null;

  constructor(
    readonly table: AtpColumns,
    readonly slot: number,
  ) {}

  get(skuId: number): number | undefined {
    const i = this.table.index.get(skuId);
    if (i === undefined) return this.extra?.get(skuId);
    const v = this.table.values[i * this.table.stride + this.slot];
    return Number.isNaN(v) ? undefined : v;
  }

  has(skuId: number): boolean {
    return this.get(skuId) !== undefined;
  }

  set(skuId: number, atp: number): this {
    const i = this.table.index.get(skuId);
    if (i !== undefined) this.table.values[i * this.table.stride + this.slot] = atp;
    else (this.extra ??= new Map()).set(skuId, atp);
    return this;
  }

  /** An independent copy, alone in a table of its own. */
  copy(): AtpColumn {
    return AtpColumns.copy([this])[0];
  }

  /** This column at `slot` of `table` (a copy of its own table): the figures are already there, the extra map is copied. */
  copyInto(table: AtpColumns, slot: number): AtpColumn {
    const out = new AtpColumn(table, slot);
    if (this.extra) out.extra = new Map(this.extra);
    return out;
  }

  get size(): number {
    let n = this.extra?.size ?? 0;
    for (const [, v] of this.indexed()) if (!Number.isNaN(v)) n++;
    return n;
  }

  private *indexed(): Generator<[number, number]> {
    const { skuIds, values, stride } = this.table;
    for (let i = 0; i < skuIds.length; i++) yield [skuIds[i], values[i * stride + this.slot]];
  }

  *entries(): MapIterator<[number, number]> {
    for (const [k, v] of this.indexed()) if (!Number.isNaN(v)) yield [k, v];
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
