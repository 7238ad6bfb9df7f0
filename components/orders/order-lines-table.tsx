import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { formatMoney } from "@/lib/orders-ui/format";
import { TableHead } from "../table-head";

type Line = { sku: string; name: string; quantity: number; unitPriceCents?: number; location?: string };

/**
 * An order's lines as the order page lists them (a shipment's, those fulfilled before a re-route, the back-ordered
 * ones): SKU, item, then the fulfilling location and the unit price when the caller asks for them.
 */
export function OrderLinesTable({ lines, t, locale, location = false, price = true, rowBorder = "border-slate-100", testId }: {
  lines: Line[]; t: Translate; locale: Locale; location?: boolean; price?: boolean; rowBorder?: string; testId?: string;
}) {
  const n = (v: number) => formatNumber(locale, v);
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <TableHead
        gap={3}
        columns={[
          { label: t("orders.col.sku") },
          { label: t("orders.col.name") },
          ...(location ? [{ label: t("orders.col.fulfilledBy") }] : []),
          { label: t("orders.col.quantity"), align: "right" as const },
          ...(price ? [{ label: t("orders.col.unitPrice"), align: "right" as const }] : []),
        ]}
      />
      <tbody>
        {lines.map((l, i) => (
          <tr key={i} className={`border-b ${rowBorder} last:border-0`}>
            <td className="py-1.5 pr-3 font-mono text-xs">{l.sku}</td>
            <td className="py-1.5 pr-3 text-slate-600">{l.name}</td>
            {location && <td className="py-1.5 pr-3 font-mono text-xs">{l.location}</td>}
            <td className={`py-1.5 ${price ? "pr-3 " : ""}text-right tabular-nums`}>{n(l.quantity)}</td>
            {price && <td className="py-1.5 text-right tabular-nums">{formatMoney(locale, l.unitPriceCents ?? 0)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
