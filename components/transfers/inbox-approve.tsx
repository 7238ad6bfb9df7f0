"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { bulkDecideAction, type BulkOutcome } from "@/app/(console)/transfers/actions";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { transferErrorKey } from "@/lib/transfers-ui/steps";
import { useI18n } from "../i18n-provider";
import { TableHead } from "../table-head";

export type InboxRow = { id: string; sku: string; skuName: string; to: string; toName: string; quantity: number; origin: string; since: string };

/** A store's proposals to decide: tick some (or all), approve them, or reject them with one reason. */
export function InboxApprove({ rows }: { rows: InboxRow[] }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BulkOutcome | null>(null);
  const [pending, start] = useTransition();
  const n = (v: number) => formatNumber(locale, v);

  if (rows.length === 0) return <p className="py-3 text-sm text-slate-500">{t("transfers.inbox.empty")}</p>;
  const all = selected.size === rows.length;
  const toggle = (id: string) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });

  function decide(decision: "approve" | "reject") {
    setError(null);
    const ids = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
    if (ids.length === 0) return setError(t("transfers.inbox.noneSelected"));
    if (decision === "reject" && !reason.trim()) return setError(t("transfers.actions.reasonRequired"));
    start(async () => {
      try {
        const r = await bulkDecideAction({ ids, decision, reason: decision === "reject" ? reason.trim() : undefined });
        if (!r.ok) {
          const key = transferErrorKey(r.error);
          setError(r.fieldErrors?.reason ? t("transfers.actions.reasonRequired") : key ? t(key) : r.error);
          return;
        }
        setDone(r.data);
        setSelected(new Set());
        setRejecting(false);
        setReason("");
        router.refresh();
      } catch {
        setError(t("transfers.failed"));
      }
    });
  }

  return (
    <div className="space-y-3" data-testid="inbox-approve">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <TableHead
            gap={3}
            columns={[
              { key: "pick", label: <input type="checkbox" checked={all} aria-label={t("transfers.inbox.selectAll")} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} data-testid="select-all" /> },
              { label: t("transfers.col.id") },
              { label: t("transfers.col.sku") },
              { label: t("transfers.col.to") },
              { label: t("transfers.col.quantity"), align: "right" },
              { label: t("transfers.col.origin") },
              { label: t("transfers.col.updated") },
            ]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0" data-transfer={r.id}>
                <td className="w-8 py-2 pr-3">
                  <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={t("transfers.inbox.select", { id: r.id })} />
                </td>
                <td className="py-2 pr-3"><Link href={`/transfers/${r.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">#{r.id}</Link></td>
                <td className="py-2 pr-3 font-mono text-xs" title={r.skuName}>{r.sku}</td>
                <td className="py-2 pr-3 font-mono text-xs" title={r.toName}>{r.to}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{n(r.quantity)}</td>
                <td className="py-2 pr-3">{t(`transfers.origin.${r.origin}` as MessageKey)}</td>
                <td className="py-2 whitespace-nowrap text-slate-500">{r.since}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <span className="pb-1.5 text-sm text-slate-600" data-testid="selected-count">{t("transfers.inbox.selected", { count: n(selected.size) })}</span>
        {!rejecting ? (
          <>
            <button type="button" disabled={pending} onClick={() => decide("approve")} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="bulk-approve">
              {t("transfers.inbox.bulkApprove")}
            </button>
            <button type="button" disabled={pending} onClick={() => { setRejecting(true); setError(null); }} className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60" data-testid="bulk-reject">
              {t("transfers.inbox.bulkReject")}
            </button>
          </>
        ) : (
          <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); decide("reject"); }}>
            <label className="block min-w-72 text-sm">
              <span className="font-medium text-slate-700">{t("transfers.inbox.bulkReason")}</span>
              <input autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t("transfers.actions.reasonPlaceholder")} data-testid="bulk-reason"
                className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none" />
            </label>
            <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60" data-testid="bulk-reject-confirm">
              {t("transfers.inbox.bulkReject")}
            </button>
            <button type="button" disabled={pending} className="px-2 py-1.5 text-sm text-slate-600 hover:underline" onClick={() => setRejecting(false)}>{t("transfers.actions.back")}</button>
          </form>
        )}
        {pending && <span className="pb-1.5 text-sm text-slate-500">{t("transfers.actions.working")}</span>}
      </div>
      {done && (
        <p role="status" className="text-sm text-green-700" data-testid="bulk-result">
          {t("transfers.inbox.bulkDone", { changed: n(done.changed), unchanged: n(done.unchanged), refused: n(done.refused.length) })}
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
