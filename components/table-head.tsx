import type { ReactNode } from "react";

export type TableColumn = {
  /** React key; defaults to the column's position. */
  key?: string;
  /** Header content: usually translated text, or a sort link. Omit for an unlabelled column (e.g. row actions). */
  label?: ReactNode;
  align?: "left" | "right";
  /** Extra classes for this header cell. */
  className?: string;
  /** Set on the column the table is sorted by. */
  ariaSort?: "ascending" | "descending";
};

const VARIANTS = {
  /** Unshaded header of a table inside a card; columns are spaced by right padding (`gap`), none after the last. */
  plain: { row: "border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500", cell: "py-2 font-medium" },
  /** Shaded header of a detail-page table. */
  shaded: { row: "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500", cell: "px-3 py-2 font-medium" },
  /** Shaded, smaller header of a dense data table; labels never wrap. */
  dense: { row: "border-b border-slate-200 bg-slate-50 text-[11px] uppercase tracking-wide text-slate-500", cell: "px-2 py-2 font-medium whitespace-nowrap" },
} as const;

const GAPS = { 3: "pr-3", 4: "pr-4" } as const;

/** A table's `<thead>`: one row of column headers. Presentational only: labels arrive translated. */
export function TableHead({
  columns,
  variant = "plain",
  gap = 4,
}: {
  columns: TableColumn[];
  variant?: keyof typeof VARIANTS;
  /** Right padding between columns of the plain variant; match the body cells. */
  gap?: keyof typeof GAPS;
}) {
  const { row, cell } = VARIANTS[variant];
  return (
    <thead>
      <tr className={row}>
        {columns.map((c, i) => {
          const align = variant === "plain" ? (c.align === "right" ? "text-right" : "") : c.align === "right" ? "text-right" : "text-left";
          const spacing = variant === "plain" && i < columns.length - 1 ? GAPS[gap] : "";
          const className = [cell, spacing, align, c.className].filter(Boolean).join(" ");
          return (
            <th key={c.key ?? i} scope="col" className={className} aria-sort={c.ariaSort}>
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
