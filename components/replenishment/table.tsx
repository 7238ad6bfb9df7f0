import Link from "next/link";
import { TableHead, type TableColumn } from "@/components/table-head";
import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import { defaultDir, replenishmentHref, type ReplenishmentQuery, type ReplenishmentSort } from "@/lib/server/replenishment/query";
import type { ReplenishmentLine } from "@/lib/server/replenishment/rows";

/** One page of replenishment lines; sortable headers are links (server-side sort). */
export function ReplenishmentTable({ base, rows, query, t, locale }: { base: string; rows: ReplenishmentLine[]; query: ReplenishmentQuery; t: Translate; locale: Locale }) {
  const n = (v: number, digits = 0) => formatNumber(locale, v, digits);
  const col = (key: MessageKey, sort?: ReplenishmentSort, align: "left" | "right" = "right"): TableColumn => {
    const label = t(key);
    if (!sort) return { key, label, align };
    const active = query.sort === sort;
    const dir = active ? (query.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
    return {
      key,
      align,
      ariaSort: active ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
      label: (
        <Link href={replenishmentHref(base, query, { sort, dir, page: 1 })} className={`hover:text-slate-800 ${active ? "text-slate-900" : ""}`} aria-label={t("replenishment.sortBy", { column: label })} data-testid={`sort-${sort}`}>
          {label}
          {active && <span aria-hidden> {query.dir === "asc" ? "↑" : "↓"}</span>}
        </Link>
      ),
    };
  };
  const cell = "px-2 py-1.5 text-right tabular-nums whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="replenishment-table">
        <TableHead
          variant="dense"
          columns={[
            col("replenishment.col.sku", "sku", "left"),
            col("replenishment.col.onHand", "onHand"),
            col("replenishment.col.reserved"),
            col("replenishment.col.inTransit"),
            col("replenishment.col.demand", "demand"),
            col("replenishment.col.leadTime"),
            col("replenishment.col.safety"),
            col("replenishment.col.reorderPoint", "reorderPoint"),
            col("replenishment.col.target", "target"),
            col("replenishment.col.position", "position"),
            col("replenishment.col.quantity", "quantity"),
            col("replenishment.col.cover", "cover"),
          ]}
        />
        <tbody>
          {rows.map((r) => {
            const below = r.quantity > 0;
            return (
              <tr key={r.skuId} className={`border-b border-slate-100 last:border-0 hover:bg-slate-50 ${below ? "" : "text-slate-600"}`} data-sku={r.skuCode} data-quantity={r.quantity}>
                <td className="px-2 py-1.5">
                  <Link href={`/inventory/sku/${encodeURIComponent(r.skuCode)}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                    {r.skuCode}
                  </Link>
                  <div className="max-w-56 truncate text-xs text-slate-500" title={r.skuName}>
                    {r.brandName} · {r.skuName}
                  </div>
                </td>
                <td className={cell}>{n(r.onHand)}</td>
                <td className={cell}>{n(r.reserved)}</td>
                <td className={cell}>{n(r.inTransit)}</td>
                <td className={cell}>{r.demandPerDay > 0 ? n(r.demandPerDay, 2) : <span className="text-slate-400">{t("replenishment.noDemand")}</span>}</td>
                <td className={cell}>{t("replenishment.days", { n: n(r.leadTimeDays) })}</td>
                <td className={cell} title={t("replenishment.safetyTitle", { demand: n(r.safetyStock, 1), level: n(r.safetyStockLevel) })}>
                  {n(r.safetyStock, 1)}
                  {r.safetyStockLevel > 0 && <span className="text-xs text-slate-400"> +{n(r.safetyStockLevel)}</span>}
                </td>
                <td className={cell}>{n(r.reorderPoint)}</td>
                <td className={cell}>{n(r.targetLevel)}</td>
                <td className={`${cell} ${r.position < r.reorderPoint ? "font-medium text-amber-700" : ""}`}>{n(r.position)}</td>
                <td className={cell} data-testid="quantity">
                  {below ? <span className="rounded-md bg-brand-50 px-2 py-0.5 font-semibold text-brand-700">{n(r.quantity)}</span> : <span className="text-slate-400">0</span>}
                </td>
                <td className={cell}>{r.coverDays === null ? <span className="text-slate-400">—</span> : n(r.coverDays, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
