import Link from "next/link";
import { gridHref, pageWindow, type GridQuery } from "@/lib/inventory/grid-query";
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import type { GridPage } from "@/lib/server/inventory/grid";

/**
 * Page links. With an exact total the last page is known; with a capped total ("10,000+") the links run to
 * two pages past the current one and "Next" goes on while rows remain.
 */
export function GridPagination({ base, page, query, t, locale }: { base: string; page: GridPage; query: GridQuery; t: Translate; locale: Locale }) {
  const current = page.page;
  const known = page.capped ? current + (page.hasNext ? 2 : 0) : Math.max(1, Math.ceil(page.total / page.pageSize));
  const last = Math.max(known, current);
  const pages = pageWindow(current, last);
  if (page.capped && page.hasNext) pages.push(null);
  if (last <= 1 && !page.hasNext) return null;
  const link = (p: number) => gridHref(base, query, { page: p });
  const cls = "inline-flex min-w-9 items-center justify-center rounded-md px-2.5 py-1.5 text-sm";
  const canPrev = current > 1;
  const canNext = page.hasNext;
  return (
    <nav aria-label={t("inventory.pagination")} className="flex flex-wrap items-center justify-center gap-1" data-testid="pagination">
      {canPrev ? (
        <Link href={link(current - 1)} className={`${cls} text-slate-700 hover:bg-slate-100`} rel="prev" data-testid="page-prev">
          ← {t("inventory.prev")}
        </Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">← {t("inventory.prev")}</span>
      )}
      {pages.map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className={`${cls} text-slate-400`} aria-hidden>…</span>
        ) : p === current ? (
          <span key={p} aria-current="page" className={`${cls} bg-brand-600 font-medium text-white`} data-testid="page-current">
            {formatNumber(locale, p)}
          </span>
        ) : (
          <Link key={p} href={link(p)} className={`${cls} text-slate-700 hover:bg-slate-100`} aria-label={t("inventory.pageN", { n: p })}>
            {formatNumber(locale, p)}
          </Link>
        ),
      )}
      {canNext ? (
        <Link href={link(current + 1)} className={`${cls} text-slate-700 hover:bg-slate-100`} rel="next" data-testid="page-next">
          {t("inventory.next")} →
        </Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">{t("inventory.next")} →</span>
      )}
    </nav>
  );
}
