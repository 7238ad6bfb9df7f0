import Link from "next/link";
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { orderListHref, pageLinks, type OrderListQuery } from "@/lib/orders-ui/list-query";
import type { OrderListPage } from "@/lib/server/orders/queries";

/**
 * Page links of the order list. With an exact total the last page is known; with a capped one ("10,000+") the
 * links run two pages past the current one and "Next" goes on while rows remain.
 */
export function OrderPager({ page, query, t, locale }: { page: OrderListPage; query: OrderListQuery; t: Translate; locale: Locale }) {
  const current = page.page;
  const known = page.capped ? current + (page.hasNext ? 2 : 0) : Math.max(1, Math.ceil(page.total / page.pageSize));
  const last = Math.max(known, current);
  if (last <= 1 && !page.hasNext) return null;
  const pages = pageLinks(current, last);
  if (page.capped && page.hasNext) pages.push(null);
  const cls = "inline-flex min-w-9 items-center justify-center rounded-md px-2.5 py-1.5 text-sm";
  const href = (p: number) => orderListHref(query, { page: p });
  return (
    <nav aria-label={t("orders.list.pages")} className="flex flex-wrap items-center justify-center gap-1" data-testid="order-pager">
      {current > 1 ? (
        <Link href={href(current - 1)} rel="prev" className={`${cls} text-slate-700 hover:bg-slate-100`}>← {t("orders.list.prev")}</Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">← {t("orders.list.prev")}</span>
      )}
      {pages.map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className={`${cls} text-slate-400`} aria-hidden>…</span>
        ) : p === current ? (
          <span key={p} aria-current="page" className={`${cls} bg-brand-600 font-medium text-white`}>{formatNumber(locale, p)}</span>
        ) : (
          <Link key={p} href={href(p)} className={`${cls} text-slate-700 hover:bg-slate-100`} aria-label={t("orders.list.pageN", { n: p })}>
            {formatNumber(locale, p)}
          </Link>
        ),
      )}
      {page.hasNext ? (
        <Link href={href(current + 1)} rel="next" className={`${cls} text-slate-700 hover:bg-slate-100`} data-testid="order-next">{t("orders.list.next")} →</Link>
      ) : (
        <span className={`${cls} text-slate-300`} aria-disabled="true">{t("orders.list.next")} →</span>
      )}
    </nav>
  );
}
