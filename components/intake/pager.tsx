"use client";
import { useI18n } from "@/components/i18n-provider";
import { formatNumber } from "@/lib/i18n";

export const PAGE_SIZE = 25;

/** Previous / next through a long table (only one page of rows is rendered). */
export function Pager({ page, total, onPage, testId }: { page: number; total: number; onPage: (p: number) => void; testId?: string }) {
  const { t, locale } = useI18n();
  if (total <= PAGE_SIZE) return null;
  const last = Math.ceil(total / PAGE_SIZE) - 1;
  const from = page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);
  const n = (v: number) => formatNumber(locale, v);
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40";
  return (
    <div className="mt-3 flex items-center justify-end gap-3 text-sm text-slate-600" data-testid={testId}>
      <span>{t("intake.csv.pager", { from: n(from), to: n(to), total: n(total) })}</span>
      <button type="button" className={button} disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t("intake.csv.prev")}
      </button>
      <button type="button" className={button} disabled={page >= last} onClick={() => onPage(page + 1)}>
        {t("intake.csv.next")}
      </button>
    </div>
  );
}
