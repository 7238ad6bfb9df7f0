import Link from "next/link";
import { pageWindow } from "@/lib/inventory/grid-query";
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { replenishmentHref, type ReplenishmentQuery } from "@/lib/server/replenishment/query";

/** Page links around the current page (the total is exact: one location's lines). */
export function ReplenishmentPagination({ base, query, total, pageSize, t, locale }: { base: string; query: ReplenishmentQuery; total: number; pageSize: number; t: Translate; locale: Locale }) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const current = query.page;
  if (last <= 1 && current <= 1) return null;
  const cls = "inline-flex min-w-9 items-center justify-center rounded-md px-2.5 py-1.5 text-sm";
  const link = (p: number) => replenishmentHref(base, query, { page: p });
  return (
    <nav aria-label={t("replenishment.pagination")} className="flex flex-wrap items-center justify-center gap-1" data-testid="pagination">
      {current > 1 ? (
        <Link href={link(Math.min(current - 1, last))} className={`${cls} text-slate-700 hover:bg-slate-100`} rel="prev" data-testid="page-prev">
          ← {t("replenishment.prev")}
        </Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">← {t("replenishment.prev")}</span>
      )}
      {pageWindow(Math.min(current, last), last).map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className={`${cls} text-slate-400`} aria-hidden>…</span>
        ) : p === current ? (
          <span key={p} aria-current="page" className={`${cls} bg-brand-600 font-medium text-white`} data-testid="page-current">
            {formatNumber(locale, p)}
          </span>
        ) : (
          <Link key={p} href={link(p)} className={`${cls} text-slate-700 hover:bg-slate-100`} aria-label={t("replenishment.pageN", { n: p })}>
            {formatNumber(locale, p)}
          </Link>
        ),
      )}
      {current < last ? (
        <Link href={link(current + 1)} className={`${cls} text-slate-700 hover:bg-slate-100`} rel="next" data-testid="page-next">
          {t("replenishment.next")} →
        </Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">{t("replenishment.next")} →</span>
      )}
    </nav>
  );
}
