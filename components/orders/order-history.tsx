import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import { ledgerReasonText } from "@/lib/i18n/ledger-reason";
import { formatTime } from "@/lib/orders-ui/format";
import type { LedgerTrailRow, OrderEventView } from "@/lib/server/orders/queries";
import { TableHead } from "../table-head";

/** What happened to the order, oldest first: who, when, what (with the rejection's reason and re-route). */
export function OrderEvents({ events, t, locale }: { events: OrderEventView[]; t: Translate; locale: Locale }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">{t("orders.events.none")}</p>;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="order-events">
      {events.map((e) => (
        <li key={e.id} className="relative" data-action={e.action}>
          <span className="absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full bg-brand-500" aria-hidden />
          <p>
            <span className="font-medium">{t(`orders.event.${e.action}` as MessageKey)}</span>
            {e.location && <span className="ml-1.5 font-mono text-xs text-slate-600">{e.location}</span>}
            <span className="ml-2 text-slate-500">
              {t("orders.events.by", { actor: e.actor, time: formatTime(locale, e.at, true) })}
            </span>
          </p>
          {e.strategy && <p className="text-xs text-slate-500">{t("orders.events.strategy", { code: e.strategy })}</p>}
          {e.reason && <p className="text-slate-700">{t("orders.events.reason", { reason: e.reason })}</p>}
          {e.lines && e.lines.length > 0 && (
            <p className="text-slate-700">{t("orders.events.lines", { lines: e.lines.map((l) => `${l.sku} × ${n(l.quantity)}`).join(", ") })}</p>
          )}
          {e.reroutedTo && (
            <p className="text-slate-700" data-testid="event-rerouted">
              {e.reroutedTo.length > 0 ? t("orders.events.rerouted", { codes: e.reroutedTo.join(", ") }) : t("orders.events.notRerouted")}
            </p>
          )}
          {e.backOrdered && e.backOrdered.length > 0 && (
            <p className="text-amber-800">
              {t("orders.events.backOrdered", { lines: e.backOrdered.map((l) => `${l.sku} × ${n(l.quantity)}`).join(", ") })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The order's stock movements in the ledger: type, location, SKU, on hand and reserved before → after, actor. */
export function LedgerTrail({ rows, t, locale }: { rows: LedgerTrailRow[]; t: Translate; locale: Locale }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("orders.ledger.none")}</p>;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="ledger-trail">
        <TableHead
          gap={3}
          columns={[
            { label: t("orders.ledger.col.time") },
            { label: t("orders.ledger.col.type") },
            { label: t("orders.ledger.col.location") },
            { label: t("orders.ledger.col.sku") },
            { label: t("orders.ledger.col.onHand"), align: "right", className: "whitespace-nowrap" },
            { label: t("orders.ledger.col.reserved"), align: "right", className: "whitespace-nowrap" },
            { label: t("orders.ledger.col.actor") },
            { label: t("orders.ledger.col.reason") },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 last:border-0" data-type={r.type}>
              <td className="py-1.5 pr-3 whitespace-nowrap text-slate-500">{formatTime(locale, r.createdAt, true)}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap" data-testid="ledger-type">{t(`movement.${r.type}` as MessageKey)}</td>
              <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">{r.location}</td>
              <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">{r.sku}</td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                {n(r.onHandBefore)} → {n(r.onHandAfter)}
              </td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                {n(r.reservedBefore)} → {n(r.reservedAfter)}
              </td>
              <td className="py-1.5 pr-3">{r.actor}</td>
              <td className="py-1.5 text-slate-600">{ledgerReasonText(t, r.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
