import type { Translate } from "@/lib/i18n";
import type { StockStatus } from "@/lib/server/inventory/grid";

const STYLE: Record<StockStatus, string> = {
  out: "bg-red-50 text-red-700 ring-red-200",
  below: "bg-amber-50 text-amber-700 ring-amber-200",
  ok: "bg-emerald-50 text-emerald-700 ring-emerald-200",
};

export function StatusBadge({ status, t }: { status: StockStatus; t: Translate }) {
  return (
    <span
      data-status={status}
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status]}`}
    >
      {t(`inventory.status.${status}`)}
    </span>
  );
}
