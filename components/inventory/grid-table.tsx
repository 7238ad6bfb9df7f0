import Link from "next/link";
import { isAged } from "@/lib/inventory/age";
import { defaultDir, gridHref, type GridQuery, type GridSort } from "@/lib/inventory/grid-query";
import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import type { GridRow } from "@/lib/server/inventory/grid";
import { TableHead, type TableColumn } from "../table-head";
import { codeLabel, locationHref, skuHref } from "./labels";
import { StatusBadge } from "./status-badge";

type Column = { key: string; label: MessageKey; sort?: GridSort; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: "sku", label: "inventory.col.sku", sort: "sku" },
  { key: "brand", label: "inventory.col.brandCategory" },
  { key: "location", label: "inventory.col.location", sort: "location" },
  { key: "onHand", label: "inventory.col.onHand", sort: "onHand", numeric: true },
  { key: "reserved", label: "inventory.col.reserved", sort: "reserved", numeric: true },
  { key: "safety", label: "inventory.col.safety", sort: "safety", numeric: true },
  { key: "inTransit", label: "inventory.col.inTransit", sort: "inTransit", numeric: true },
  { key: "atp", label: "inventory.col.atp", sort: "atp", numeric: true },
  { key: "status", label: "inventory.col.status" },
  { key: "age", label: "inventory.col.age", sort: "age", numeric: true },
];

/** Column header: a link that sorts by the column, or flips the direction if it already sorts by it. */
function sortColumn(base: string, column: Column, query: GridQuery, t: Translate): TableColumn {
  const align = column.numeric ? "right" : "left";
  if (!column.sort) return { key: column.key, align, label: t(column.label) };
  const active = query.sort === column.sort;
  const dir = active ? (query.dir === "asc" ? "desc" : "asc") : defaultDir(column.sort);
  const arrow = active ? (query.dir === "asc" ? "▲" : "▼") : "";
  return {
    key: column.key,
    align,
    ariaSort: active ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
    label: (
      <Link
        href={gridHref(base, query, { sort: column.sort, dir, page: 1 })}
        className={`inline-flex items-center gap-1 hover:text-slate-900 ${active ? "text-slate-900" : ""}`}
        data-testid={`sort-${column.sort}`}
        title={t("inventory.sortBy", { column: t(column.label) })}
      >
        {t(column.label)}
        <span aria-hidden className="text-[10px]">{arrow}</span>
      </Link>
    ),
  };
}

export function GridTable({
  base,
  rows,
  query,
  t,
  locale,
  linkLocations,
}: {
  base: string;
  rows: GridRow[];
  query: GridQuery;
  t: Translate;
  locale: Locale;
  /** Whether location codes link to the location page (a store manager can open only their own). */
  linkLocations: (locationId: number) => boolean;
}) {
  const num = (v: number) => formatNumber(locale, v);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-[13px]" data-testid="inventory-grid">
        <TableHead variant="dense" columns={COLUMNS.map((c) => sortColumn(base, c, query, t))} />
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.locationId}:${r.skuId}`} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-testid="grid-row">
              <td className="px-2 py-2">
                <Link href={skuHref(r.skuCode)} className="font-mono text-xs text-brand-600 hover:underline" data-testid="cell-sku">
                  {r.skuCode}
                </Link>
                <p className="max-w-56 truncate text-slate-700" title={r.skuName}>{r.skuName}</p>
              </td>
              <td className="px-2 py-2 whitespace-nowrap">
                <p data-testid="cell-brand">{r.brandName}</p>
                <p className="text-xs text-slate-500" data-testid="cell-category">{r.category}</p>
              </td>
              <td className="px-2 py-2">
                <p className="whitespace-nowrap">
                  {linkLocations(r.locationId) ? (
                    <Link href={locationHref(r.locationCode)} className="font-mono text-xs text-brand-600 hover:underline" data-testid="cell-location">
                      {r.locationCode}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs" data-testid="cell-location">{r.locationCode}</span>
                  )}
                  <span className="ml-1.5 text-xs text-slate-500" data-testid="cell-type-region">
                    {codeLabel(t, "locationType", r.locationType)} · {codeLabel(t, "region", r.region)}
                  </span>
                </p>
                <p className="max-w-44 truncate text-slate-700" title={r.locationName}>{r.locationName}</p>
              </td>
              <td className="px-2 py-2 text-right" data-testid="cell-onHand">{num(r.onHand)}</td>
              <td className="px-2 py-2 text-right" data-testid="cell-reserved">{num(r.reserved)}</td>
              <td className="px-2 py-2 text-right" data-testid="cell-safety">{num(r.safetyStock)}</td>
              <td className="px-2 py-2 text-right" data-testid="cell-inTransit">{num(r.inTransit)}</td>
              <td className="px-2 py-2 text-right font-medium" data-testid="cell-atp">{num(r.atp)}</td>
              <td className="px-2 py-2">
                <StatusBadge status={r.status} t={t} />
              </td>
              <td
                className={`px-3 py-2 text-right whitespace-nowrap ${r.oldestAgeDays !== null && isAged(r.oldestAgeDays) ? "font-medium text-amber-700" : ""}`}
                data-testid="cell-age"
              >
                {r.oldestAgeDays === null ? <span className="text-slate-400">—</span> : t("inventory.days", { n: num(r.oldestAgeDays) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
