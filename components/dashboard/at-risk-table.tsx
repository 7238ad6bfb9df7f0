import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import type { AtRiskSku } from "@/lib/server/dashboard";
import { TableHead } from "../table-head";


export function AtRiskTable({ rows, t, locale }: { rows: AtRiskSku[]; t: Translate; locale: Locale }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{t("dashboard.noRisk")}</p>;
  const num = (v: number, d = 0) => formatNumber(locale, v, d);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="at-risk-table">
        <TableHead
          columns={[
            { label: t("dashboard.col.sku") },
            { label: t("dashboard.col.brand") },
            { label: t("dashboard.col.poolAtp"), align: "right" },
            { label: t("dashboard.col.perDay"), align: "right" },
            { label: t("dashboard.col.cover"), align: "right" },
            { label: t("dashboard.col.stockOutLocations"), align: "right" },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.skuId} className="border-b border-slate-100 last:border-0">
              <td className="py-2 pr-4">
                <p className="font-mono text-xs text-slate-500">{r.code}</p>
                <p>{r.name}</p>
              </td>
              <td className="py-2 pr-4">{r.brand}</td>
              <td className="py-2 pr-4 text-right">{num(r.poolAtp)}</td>
              <td className="py-2 pr-4 text-right">{num(r.perDay, 1)}</td>
              <td className={`py-2 pr-4 text-right font-medium ${r.daysOfCover < 3 ? "text-red-600" : r.daysOfCover < 7 ? "text-amber-600" : ""}`}>
                {num(r.daysOfCover, 1)}
              </td>
              <td className="py-2 text-right">{num(r.stockOutLocations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
