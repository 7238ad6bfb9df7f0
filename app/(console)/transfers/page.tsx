import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TableHead } from "@/components/table-head";
import { FlowChart } from "@/components/transfers/flow-chart";
import { GenerateSuggestions } from "@/components/transfers/generate-suggestions";
import { InboxApprove } from "@/components/transfers/inbox-approve";
import { ManualTransfer } from "@/components/transfers/manual-transfer";
import { ForcedBadge, TransferStatusBadge } from "@/components/transfers/status-badge";
import { TransferActions } from "@/components/transfers/transfer-actions";
import { TransferFilters } from "@/components/transfers/transfer-filters";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { formatTime } from "@/lib/orders-ui/format";
import { pageLinks } from "@/lib/orders-ui/list-query";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { listTransfers, regionFlows, storeTransferInbox, transferLocations, type TransferRow } from "@/lib/server/transfers/queries";
import { hasBlankParams, isFiltered, parseTransferQuery, transferListHref, type RawParams } from "@/lib/transfers-ui/list-query";
import { transferSteps } from "@/lib/transfers-ui/steps";

export const metadata: Metadata = { title: "Transfers" };

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function TransfersPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { scope } = await requireSection("transfers");
  const raw = await searchParams;
  const { query, problems } = parseTransferQuery(raw);
  if (hasBlankParams(raw)) redirect(transferListHref(query));

  const [{ t, locale }, page, locations, inbox, flows] = await Promise.all([
    serverTranslator(),
    listTransfers(scope, query),
    transferLocations(),
    storeTransferInbox(scope),
    scope.kind === "location" ? Promise.resolve([]) : regionFlows(scope),
  ]);
  const n = (v: number) => formatNumber(locale, v);
  const hq = scope.kind === "network";
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  const subtitle = hq ? t("transfers.subtitle") : scope.kind === "location" ? t("transfers.subtitle.store") : t("transfers.subtitle.brand");

  const stepRows = (rows: TransferRow[], testId: string, other: "from" | "to") =>
    rows.length === 0 ? (
      <p className="py-2 text-sm text-slate-500">{t("transfers.inbox.empty")}</p>
    ) : (
      <table className="w-full text-sm" data-testid={testId}>
        <TableHead gap={3} columns={[{ label: t("transfers.col.id") }, { label: t("transfers.col.sku") }, { label: t(`transfers.col.${other}`) }, { label: t("transfers.col.quantity"), align: "right" }, { key: "act" }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top last:border-0" data-transfer={r.id}>
              <td className="py-2 pr-3"><Link href={`/transfers/${r.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">#{r.id}</Link></td>
              <td className="py-2 pr-3 font-mono text-xs">{r.sku}</td>
              <td className="py-2 pr-3 font-mono text-xs">{other === "from" ? r.from : r.to}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{n(r.quantity)}</td>
              <td className="py-2"><TransferActions id={r.id} quantity={r.quantity} steps={transferSteps(scope, r)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("transfers.title")}</h1>
          <p className="text-sm text-slate-500">{subtitle}</p>
        </div>
        {hq && <ManualTransfer locations={locations.map((l) => ({ code: l.code, name: l.name }))} />}
      </div>

      {scope.kind === "brand" && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600" data-testid="read-only">{t("transfers.readOnly")}</p>}

      {inbox && (
        <div className="grid gap-4 lg:grid-cols-2" data-testid="store-inbox">
          <section className={`${card} lg:col-span-2`}>
            <div>
              <h2 className="text-lg font-medium">{t("transfers.inbox.approve", { count: n(inbox.approve.length) })}</h2>
              <p className="text-sm text-slate-500">{t("transfers.inbox.approveHint")}</p>
            </div>
            <InboxApprove rows={inbox.approve.map((r) => ({ id: r.id, sku: r.sku, skuName: r.skuName, to: r.to, toName: r.toName, quantity: r.quantity, origin: r.origin, since: formatTime(locale, r.updatedAt) }))} />
          </section>
          <section className={card}>
            <h2 className="text-lg font-medium">{t("transfers.inbox.ship", { count: n(inbox.ship.length) })}</h2>
            {stepRows(inbox.ship, "inbox-ship", "to")}
          </section>
          <section className={card}>
            <h2 className="text-lg font-medium">{t("transfers.inbox.receive", { count: n(inbox.receive.length) })}</h2>
            {stepRows(inbox.receive, "inbox-receive", "from")}
          </section>
          {inbox.close.length > 0 && (
            <section className={`${card} lg:col-span-2`}>
              <h2 className="text-lg font-medium">{t("transfers.inbox.close", { count: n(inbox.close.length) })}</h2>
              {stepRows(inbox.close, "inbox-close", "from")}
            </section>
          )}
        </div>
      )}

      {scope.kind !== "location" && (
        <section className={card}>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 className="text-lg font-medium">{t("transfers.flow.title")}</h2>
              <p className="text-sm text-slate-500">{t("transfers.flow.hint")}</p>
            </div>
            {hq && <GenerateSuggestions />}
          </div>
          <FlowChart flows={flows} />
        </section>
      )}

      <TransferFilters query={query} locations={locations} t={t} />

      {problems.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="filter-problems">
          {problems.map((p) => t("transfers.badFilter", { param: p.param, value: p.value, message: p.message })).join(" · ")}
        </p>
      )}

      <section className={card}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-medium">{scope.kind === "location" ? t("transfers.list.titleStore") : t("transfers.list.title")}</h2>
          <p className="text-sm text-slate-600" data-testid="transfer-count">
            {page.rows.length === 0
              ? t(isFiltered(query) ? "transfers.list.noneFiltered" : "transfers.list.none")
              : t("transfers.list.range", { from: n(first), to: n(last), total: n(page.total) })}
          </p>
        </div>
        {page.rows.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="transfer-list">
              <TableHead
                gap={3}
                columns={[
                  { label: t("transfers.col.id") },
                  { label: t("transfers.col.sku") },
                  { label: t("transfers.col.from") },
                  { label: t("transfers.col.to") },
                  { label: t("transfers.col.quantity"), align: "right" },
                  { label: t("transfers.col.received"), align: "right" },
                  { label: t("transfers.col.status") },
                  { label: t("transfers.col.origin") },
                  { label: t("transfers.col.updated") },
                ]}
              />
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-transfer={r.id}>
                    <td className="py-2 pr-3"><Link href={`/transfers/${r.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">#{r.id}</Link></td>
                    <td className="py-2 pr-3 font-mono text-xs" title={r.skuName}>{r.sku}</td>
                    <td className="py-2 pr-3 font-mono text-xs" title={r.fromName}>{r.from}</td>
                    <td className="py-2 pr-3 font-mono text-xs" title={r.toName}>{r.to}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(r.quantity)}</td>
                    <td className={`py-2 pr-3 text-right tabular-nums ${r.receivedQty !== null && r.receivedQty < r.quantity ? "text-amber-700" : ""}`}>{r.receivedQty === null ? "—" : n(r.receivedQty)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <TransferStatusBadge status={r.status} label={t(`transfers.status.${r.status}` as MessageKey)} testId="transfer-status" />
                      {r.forced && <ForcedBadge label={t("transfers.forced")} />}
                    </td>
                    <td className="py-2 pr-3">{t(`transfers.origin.${r.origin}` as MessageKey)}</td>
                    <td className="py-2 whitespace-nowrap text-slate-500">{formatTime(locale, r.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager current={page.page} last={Math.max(1, Math.ceil(page.total / page.pageSize))} href={(p) => transferListHref(query, { page: p })} label={t("transfers.list.pages")} prev={t("transfers.list.prev")} next={t("transfers.list.next")} />
      </section>
    </div>
  );
}

function Pager({ current, last, href, label, prev, next }: { current: number; last: number; href: (p: number) => string; label: string; prev: string; next: string }) {
  if (last <= 1 && current <= 1) return null;
  const cls = "inline-flex min-w-9 items-center justify-center rounded-md px-2.5 py-1.5 text-sm";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-center gap-1" data-testid="transfer-pager">
      {current > 1 ? <Link href={href(current - 1)} rel="prev" className={`${cls} text-slate-700 hover:bg-slate-100`}>← {prev}</Link> : <span className={`${cls} text-slate-300`}>← {prev}</span>}
      {pageLinks(current, Math.max(last, current)).map((p, i) =>
        p === null ? <span key={`gap-${i}`} className={`${cls} text-slate-400`}>…</span>
        : p === current ? <span key={p} aria-current="page" className={`${cls} bg-brand-600 font-medium text-white`}>{p}</span>
        : <Link key={p} href={href(p)} className={`${cls} text-slate-700 hover:bg-slate-100`}>{p}</Link>,
      )}
      {current < last ? <Link href={href(current + 1)} rel="next" className={`${cls} text-slate-700 hover:bg-slate-100`}>{next} →</Link> : <span className={`${cls} text-slate-300`}>{next} →</span>}
    </nav>
  );
}
