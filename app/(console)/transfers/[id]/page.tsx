import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailHeader } from "@/components/detail-header";
import { TableHead } from "@/components/table-head";
import { ForcedBadge, TransferStatusBadge } from "@/components/transfers/status-badge";
import { TransferActions } from "@/components/transfers/transfer-actions";
import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import { ledgerReasonText } from "@/lib/i18n/ledger-reason";
import { formatTime } from "@/lib/orders-ui/format";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { transferDetail, transferLedger } from "@/lib/server/transfers/queries";
import { readReason, round1, type ReasonParty } from "@/lib/transfers-ui/reason";
import { transferSteps } from "@/lib/transfers-ui/steps";

export const metadata: Metadata = { title: "Transfer" };

const card = "space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireSection("transfers");
  const { id: raw } = await params;
  if (!/^\d{1,18}$/.test(raw)) notFound();
  const transfer = await transferDetail(scope, BigInt(raw));
  if (!transfer) notFound();
  const [{ t, locale }, ledger] = await Promise.all([serverTranslator(), transferLedger(scope, transfer)]);
  const n = (v: number) => formatNumber(locale, v);
  const reason = readReason(transfer.reason);
  const short = transfer.receivedQty === null ? 0 : transfer.quantity - transfer.receivedQty;
  const region = (r: string) => t(`region.${r}` as MessageKey);

  return (
    <div className="space-y-6">
      <DetailHeader
        crumb={{ label: t("transfers.breadcrumb"), href: "/transfers", parent: t("transfers.title"), current: `#${transfer.id}` }}
        title={t("transfers.detail.title", { id: transfer.id })}
        badges={<>
          <TransferStatusBadge status={transfer.status} label={t(`transfers.status.${transfer.status}` as MessageKey)} testId="detail-status" />
          {transfer.forced && <ForcedBadge label={t("transfers.forced")} />}
        </>}
        facts={<span>{t("transfers.detail.createdBy", { actor: transfer.createdBy, time: formatTime(locale, transfer.createdAt) })}</span>}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <section className={`${card} lg:col-span-2`} data-testid="transfer-summary">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
            <div className="col-span-2">
              <dt className="text-slate-500">{t("transfers.detail.route")}</dt>
              <dd className="mt-0.5">
                <span className="font-mono text-xs font-medium">{transfer.from}</span> <span className="text-slate-600">{transfer.fromName}</span>
                <span className="mx-2 text-slate-400">→</span>
                <span className="font-mono text-xs font-medium">{transfer.to}</span> <span className="text-slate-600">{transfer.toName}</span>
                <span className="block text-xs text-slate-500">{t("transfers.detail.regions", { from: region(transfer.fromRegion), to: region(transfer.toRegion) })}</span>
              </dd>
            </div>
            <div className="col-span-2">
              <dt className="text-slate-500">{t("transfers.detail.sku")}</dt>
              <dd className="mt-0.5"><span className="font-mono text-xs font-medium">{transfer.sku}</span> <span className="text-slate-600">{transfer.skuName}</span></dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("transfers.detail.quantity")}</dt>
              <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="detail-quantity">{n(transfer.quantity)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("transfers.detail.received")}</dt>
              <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="detail-received">
                {transfer.receivedQty === null ? "—" : n(transfer.receivedQty)}
                {short > 0 && <span className="ml-2 text-sm font-medium text-amber-700">{t("transfers.detail.short", { short: n(short) })}</span>}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("transfers.detail.origin")}</dt>
              <dd className="mt-0.5">{t(`transfers.origin.${transfer.origin}` as MessageKey)}</dd>
            </div>
          </dl>
          {transfer.discrepancyNote && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="discrepancy">
              {t("transfers.detail.discrepancy", { note: transfer.discrepancyNote })}
            </p>
          )}
          {transfer.rejectReason && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="reject-reason">{t("transfers.detail.rejected", { reason: transfer.rejectReason })}</p>}
          {transfer.forcedBy && (
            <p className="rounded-md bg-purple-50 px-3 py-2 text-sm text-purple-900" data-testid="force-reason">{t("transfers.detail.forced", { actor: transfer.forcedBy, reason: transfer.forceReason ?? "" })}</p>
          )}
        </section>

        <section className={card}>
          <h2 className="text-lg font-medium">{t("transfers.actions.title")}</h2>
          {scope.kind === "brand" ? (
            <p className="text-sm text-slate-500" data-testid="read-only">{t("transfers.readOnly")}</p>
          ) : (
            <TransferActions id={transfer.id} quantity={transfer.quantity} steps={transferSteps(scope, transfer)} />
          )}
        </section>
      </div>

      <section className={card} data-testid="transfer-reason">
        <h2 className="text-lg font-medium">{t("transfers.reason.title")}</h2>
        {reason ? <Reason reason={reason} t={t} locale={locale} /> : <p className="text-sm text-slate-500">{t("transfers.reason.manual")}</p>}
      </section>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("transfers.events.title")}</h2>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="transfer-events">
          {transfer.events.map((e) => (
            <li key={e.id} className="relative" data-action={e.action}>
              <span className="absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full bg-brand-500" aria-hidden />
              <p>
                <span className="font-medium">{t(`transfers.event.${e.action}` as MessageKey)}</span>
                <span className="ml-2 text-slate-500">{t("transfers.events.by", { actor: e.actor, time: formatTime(locale, e.at, true) })}</span>
              </p>
              {e.reason && <p className="text-slate-700">{t("transfers.events.reason", { reason: e.reason })}</p>}
              {e.overruled && <p className="text-slate-700">{t("transfers.events.overruled", { reason: e.overruled })}</p>}
              {e.received !== null && e.short !== null && e.short > 0 && <p className="text-amber-800">{t("transfers.events.received", { received: n(e.received), short: n(e.short) })}</p>}
              {e.note && e.short !== null && e.short > 0 && <p className="text-slate-700">{t("transfers.events.note", { note: e.note })}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("transfers.ledger.title")}</h2>
          <p className="text-sm text-slate-500">{t(scope.kind === "location" ? "transfers.ledger.hintStore" : "transfers.ledger.hint", { id: transfer.id })}</p>
        </div>
        {ledger.length === 0 ? (
          <p className="text-sm text-slate-500">{t("transfers.ledger.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="ledger-trail">
              <TableHead
                gap={3}
                columns={[
                  { label: t("transfers.ledger.col.time") },
                  { label: t("transfers.ledger.col.type") },
                  { label: t("transfers.ledger.col.location") },
                  { label: t("transfers.ledger.col.onHand"), align: "right" },
                  { label: t("transfers.ledger.col.inTransit"), align: "right" },
                  { label: t("transfers.ledger.col.actor") },
                  { label: t("transfers.ledger.col.reason") },
                ]}
              />
              <tbody>
                {ledger.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 last:border-0" data-type={r.type} data-location={r.location}>
                    <td className="py-1.5 pr-3 whitespace-nowrap text-slate-500">{formatTime(locale, r.createdAt, true)}</td>
                    <td className="py-1.5 pr-3 whitespace-nowrap">{t(`movement.${r.type}` as MessageKey)}</td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{r.location}</td>
                    <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums" data-testid="ledger-on-hand">{n(r.onHandBefore)} → {n(r.onHandAfter)}</td>
                    <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums" data-testid="ledger-in-transit">{n(r.inTransitBefore)} → {n(r.inTransitAfter)}</td>
                    <td className="py-1.5 pr-3">{r.actor}</td>
                    <td className="py-1.5 text-slate-600">{ledgerReasonText(t, r.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Reason({ reason, t, locale }: { reason: NonNullable<ReturnType<typeof readReason>>; t: Translate; locale: Locale }) {
  const num = (x: number) => formatNumber(locale, round1(x), Number.isInteger(round1(x)) ? 0 : 1);
  const cover = (p: ReasonParty) => (p.coverDays === null ? t("transfers.reason.noSales") : t("transfers.reason.cover", { days: num(p.coverDays) }));
  const e = reason.effect;
  return (
    <div className="space-y-2 text-sm">
      {reason.codes.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {reason.codes.map((c) => (
            <li key={c} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700" data-code={c}>
              {t(`transfers.reason.code.${c}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      {reason.destination && <p>{t("transfers.reason.destination", { name: reason.destination.name, cover: cover(reason.destination), velocity: num(reason.destination.velocity) })}</p>}
      {reason.source && (
        <p>
          {reason.distanceKm === null
            ? t("transfers.reason.sourceNoKm", { name: reason.source.name, cover: cover(reason.source) })
            : t("transfers.reason.source", { name: reason.source.name, cover: cover(reason.source), km: num(reason.distanceKm) })}
        </p>
      )}
      {e && (
        <p className="font-medium text-green-800" data-testid="reason-effect">
          {e.stockOutDaysAvoided > 0
            ? t("transfers.reason.effectAvoided", { days: num(e.stockOutDaysAvoided), horizon: num(e.horizonDays), units: num(e.lostSalesAvoided ?? 0) })
            : t("transfers.reason.effectCover", { before: num(e.coverBefore), after: num(e.coverAfter) })}
        </p>
      )}
    </div>
  );
}
