import Link from "next/link";
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import type { AlertRow } from "@/lib/server/inventory/location";
import { TableHead } from "../table-head";
import { skuHref } from "./labels";
import { Empty } from "./sku-tables";

/** A location's stock-outs or below-safety lines, best sellers first. */
export function AlertTable({ rows, salesDays, empty, testId, t, locale }: { rows: AlertRow[]; salesDays: number; empty: string; testId: string; t: Translate; locale: Locale }) {
  if (rows.length === 0) return <Empty text={empty} />;
  const num = (v: number) => formatNumber(locale, v);
  return (
    <div className="overflow-x-auto">
    <table className="w-full text-[13px]" data-testid={testId}>
      <TableHead
        variant="dense"
        columns={[
          { label: t("inventory.col.sku") },
          { label: t("inventory.col.onHand"), align: "right" },
          { label: t("inventory.col.reserved"), align: "right" },
          { label: t("inventory.col.safety"), align: "right" },
          { label: t("inventory.col.inTransit"), align: "right" },
          { label: t("inventory.col.shortfall"), align: "right" },
          { label: t("inventory.col.sold", { days: salesDays }), align: "right" },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.skuId} className="border-b border-slate-100 last:border-0">
            <td className="px-2 py-2">
              <Link href={skuHref(r.code)} className="font-mono text-xs text-brand-600 hover:underline">{r.code}</Link>
              <p className="max-w-64 truncate text-slate-700" title={r.name}>{r.name}</p>
              <p className="text-xs text-slate-500">{r.brand}</p>
            </td>
            <td className="px-2 py-2 text-right">{num(r.onHand)}</td>
            <td className="px-2 py-2 text-right">{num(r.reserved)}</td>
            <td className="px-2 py-2 text-right">{num(r.safetyStock)}</td>
            <td className="px-2 py-2 text-right">{num(r.inTransit)}</td>
            <td className="px-2 py-2 text-right font-medium text-red-700">{num(r.shortfall)}</td>
            <td className="px-2 py-2 text-right">{num(r.sold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
