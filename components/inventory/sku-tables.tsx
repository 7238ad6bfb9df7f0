import Link from "next/link";
import { isAged } from "@/lib/inventory/age";
import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import { ledgerReasonText } from "@/lib/i18n/ledger-reason";
import type { LedgerEntry, LocationStock, SkuLot, SkuReservation } from "@/lib/server/inventory/sku";
import { TableHead } from "../table-head";
import { codeLabel, formatDate, formatDateTime, locationHref } from "./labels";
import { StatusBadge } from "./status-badge";

type Ctx = { t: Translate; locale: Locale };

const TD = "px-3 py-2";

function Head({ cols, t }: { cols: [MessageKey, "left" | "right"][]; t: Translate }) {
  return <TableHead variant="shaded" columns={cols.map(([key, align]) => ({ key, align, label: t(key) }))} />;
}

export function Empty({ text }: { text: string }) {
  return <p className="py-6 text-center text-sm text-slate-500">{text}</p>;
}

const dash = <span className="text-slate-400">—</span>;

/** Every location's stock of the SKU; for a store manager other locations show ATP only. */
export function LocationStockTable({ rows, canOpen, t, locale }: Ctx & { rows: LocationStock[]; canOpen: (id: number) => boolean }) {
  const num = (v: number | null) => (v === null ? dash : formatNumber(locale, v));
  return (
    <table className="w-full text-sm" data-testid="sku-locations">
      <Head t={t} cols={[["inventory.col.location", "left"], ["inventory.col.typeRegion", "left"], ["inventory.col.onHand", "right"], ["inventory.col.reserved", "right"], ["inventory.col.safety", "right"], ["inventory.col.inTransit", "right"], ["inventory.col.atp", "right"], ["inventory.col.status", "left"]]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.locationId} className="border-b border-slate-100 last:border-0">
            <td className={TD}>
              {canOpen(r.locationId) ? (
                <Link href={locationHref(r.code)} className="font-mono text-xs text-brand-600 hover:underline">{r.code}</Link>
              ) : (
                <span className="font-mono text-xs">{r.code}</span>
              )}
              <p className="text-slate-700">{r.name}</p>
            </td>
            <td className={`${TD} whitespace-nowrap`}>
              {codeLabel(t, "locationType", r.type)}
              <span className="text-slate-400"> · </span>
              {codeLabel(t, "region", r.region)}
            </td>
            <td className={`${TD} text-right`}>{num(r.onHand)}</td>
            <td className={`${TD} text-right`}>{num(r.reserved)}</td>
            <td className={`${TD} text-right`}>{num(r.safetyStock)}</td>
            <td className={`${TD} text-right`}>{num(r.inTransit)}</td>
            <td className={`${TD} text-right font-medium`}>{num(r.atp)}</td>
            <td className={TD}>{r.status ? <StatusBadge status={r.status} t={t} /> : dash}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LotsTable({ lots, t, locale }: Ctx & { lots: SkuLot[] }) {
  if (lots.length === 0) return <Empty text={t("inventory.sku.noLots")} />;
  const num = (v: number) => formatNumber(locale, v);
  return (
    <table className="w-full text-sm" data-testid="sku-lots">
      <Head t={t} cols={[["inventory.col.location", "left"], ["inventory.lot.received", "left"], ["inventory.lot.age", "right"], ["inventory.lot.expires", "left"], ["inventory.lot.receivedQty", "right"], ["inventory.lot.remaining", "right"], ["inventory.col.reference", "left"]]} />
      <tbody>
        {lots.map((l) => (
          <tr key={l.id} className="border-b border-slate-100 last:border-0">
            <td className={`${TD} font-mono text-xs`} title={l.locationName}>{l.locationCode}</td>
            <td className={`${TD} whitespace-nowrap`}>{formatDate(locale, l.receivedAt)}</td>
            <td className={`${TD} text-right whitespace-nowrap ${isAged(l.ageDays) ? "font-medium text-amber-700" : ""}`}>{t("inventory.days", { n: num(l.ageDays) })}</td>
            <td className={`${TD} whitespace-nowrap`}>{l.expiresOn ? formatDate(locale, l.expiresOn) : dash}</td>
            <td className={`${TD} text-right`}>{num(l.receivedQty)}</td>
            <td className={`${TD} text-right font-medium`}>{num(l.remaining)}</td>
            <td className={`${TD} max-w-48 truncate text-xs text-slate-500`} title={l.reference ?? undefined}>{l.reference ?? dash}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReservationsTable({ rows, t, locale }: Ctx & { rows: SkuReservation[] }) {
  if (rows.length === 0) return <Empty text={t("inventory.sku.noReservations")} />;
  return (
    <table className="w-full text-sm" data-testid="sku-reservations">
      <Head t={t} cols={[["inventory.col.time", "left"], ["inventory.col.reservation", "left"], ["inventory.col.location", "left"], ["inventory.col.quantity", "right"], ["inventory.col.actor", "left"]]} />
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.reservationId}:${r.locationCode}`} className="border-b border-slate-100 last:border-0">
            <td className={`${TD} whitespace-nowrap`}>{formatDateTime(locale, r.createdAt)}</td>
            <td className={TD}>
              <span className="font-mono text-xs">#{r.reservationId}</span>
              {r.reference && <span className="ml-2 text-xs text-slate-500">{r.reference}</span>}
            </td>
            <td className={`${TD} font-mono text-xs`}>{r.locationCode}</td>
            <td className={`${TD} text-right font-medium`}>{formatNumber(locale, r.quantity)}</td>
            <td className={`${TD} text-xs text-slate-600`}>{r.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Change({ before, after, locale }: { before: number; after: number; locale: Locale }) {
  if (before === after) return <span className="text-slate-400">{formatNumber(locale, after)}</span>;
  const color = after > before ? "text-emerald-700" : "text-red-700";
  return (
    <span className="whitespace-nowrap">
      {formatNumber(locale, before)} → <span className={`font-medium ${color}`}>{formatNumber(locale, after)}</span>
    </span>
  );
}

export function LedgerTable({ rows, t, locale }: Ctx & { rows: LedgerEntry[] }) {
  if (rows.length === 0) return <Empty text={t("inventory.sku.noLedger")} />;
  return (
    <table className="w-full text-sm" data-testid="sku-ledger">
      <Head t={t} cols={[["inventory.col.time", "left"], ["inventory.col.location", "left"], ["inventory.col.movement", "left"], ["inventory.col.onHand", "right"], ["inventory.col.reserved", "right"], ["inventory.col.actor", "left"], ["inventory.col.reason", "left"], ["inventory.col.reference", "left"]]} />
      <tbody>
        {rows.map((e) => {
          const reason = ledgerReasonText(t, e.reason);
          return (
            <tr key={e.id} className="border-b border-slate-100 last:border-0">
              <td className={`${TD} whitespace-nowrap`}>{formatDateTime(locale, e.createdAt)}</td>
              <td className={`${TD} font-mono text-xs`}>{e.locationCode}</td>
              <td className={TD}>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t(`inventory.movement.${e.type}` as MessageKey)}</span>
              </td>
              <td className={`${TD} text-right`}><Change before={e.onHandBefore} after={e.onHandAfter} locale={locale} /></td>
              <td className={`${TD} text-right`}><Change before={e.reservedBefore} after={e.reservedAfter} locale={locale} /></td>
              <td className={`${TD} text-xs text-slate-600`}>{e.actor}</td>
              <td className={`${TD} max-w-48 truncate text-xs text-slate-600`} title={reason || undefined}>{reason || dash}</td>
              <td className={`${TD} max-w-40 truncate text-xs text-slate-500`} title={e.reference ?? undefined}>{e.reference ?? dash}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
