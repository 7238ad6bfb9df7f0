import type { Metadata } from "next";
import Link from "next/link";
import { VerifyPanel } from "@/components/audit/verify-panel";
import { TableHead } from "@/components/table-head";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { ledgerReasonText } from "@/lib/i18n/ledger-reason";
import { historyFilters, ledgerHistory, ledgerSummary, type HistoryFilters } from "@/lib/server/audit";
import { MovementType } from "@/lib/server/generated/prisma/enums";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Audit" };

type Search = Record<string, string | string[] | undefined>;

function toQuery(f: Partial<Record<keyof HistoryFilters, string | bigint | undefined>>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.size ? `?${p}` : "";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSection("audit");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = historyFilters.safeParse(raw);
  const filters: HistoryFilters = parsed.success ? parsed.data : {};
  const [{ t, locale }, summary, history] = await Promise.all([serverTranslator(), ledgerSummary(), ledgerHistory(filters)]);
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(d);
  const keep = { sku: filters.sku, location: filters.location, actor: filters.actor, type: filters.type, from: filters.from, to: filters.to };
  const input = "mt-1 block w-36 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
        <p className="text-sm text-slate-500">{t("audit.subtitle")}</p>
      </div>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="font-medium">{t("audit.chain.title")}</h2>
        <p className="text-sm text-slate-600" data-testid="ledger-summary">
          {t("audit.chain.entries", { count: formatNumber(locale, summary.entries), levels: formatNumber(locale, summary.stockLevels) })}
          {summary.lastAt && <> · {t("audit.chain.last", { time: time(summary.lastAt) })}</>}
        </p>
        <VerifyPanel />
      </section>
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" data-testid="audit-filters">
          <label>{t("audit.filter.sku")}<input name="sku" defaultValue={filters.sku} className={input} /></label>
          <label>{t("audit.filter.location")}<input name="location" defaultValue={filters.location} className={input} /></label>
          <label>{t("audit.filter.actor")}<input name="actor" defaultValue={filters.actor} className={input} /></label>
          <label>
            {t("audit.filter.type")}
            <select name="type" defaultValue={filters.type ?? ""} className={input}>
              <option value="">{t("audit.filter.anyType")}</option>
              {Object.values(MovementType).map((m) => (
                <option key={m} value={m}>{t(`movement.${m}` as MessageKey)}</option>
              ))}
            </select>
          </label>
          <label>{t("audit.filter.from")}<input type="date" name="from" defaultValue={filters.from} className={input} /></label>
          <label>{t("audit.filter.to")}<input type="date" name="to" defaultValue={filters.to} className={input} /></label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">{t("audit.filter.apply")}</button>
          <Link href="/audit" className="px-2 py-1.5 text-slate-600 hover:underline">{t("audit.filter.reset")}</Link>
        </form>
        {!parsed.success && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="filter-error">
            {parsed.error.issues.map((i) => t("audit.badFilter", { field: i.path.join("."), message: i.message })).join(" · ")}
          </p>
        )}
        {history.rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-500">{t("audit.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="ledger-table">
              <TableHead
                gap={3}
                columns={[
                  { label: t("audit.col.time") },
                  { label: t("audit.col.location") },
                  { label: t("audit.col.sku") },
                  { label: t("audit.col.type") },
                  { label: t("audit.col.onHand"), align: "right" },
                  { label: t("audit.col.reserved"), align: "right" },
                  { label: t("audit.col.actor") },
                  { label: t("audit.col.reason") },
                ]}
              />
              <tbody>
                {history.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 last:border-0">
                    <td className="whitespace-nowrap py-1.5 pr-3 text-slate-500">{time(r.createdAt)}</td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{r.location}</td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{r.sku}</td>
                    <td className="py-1.5 pr-3">{t(`movement.${r.type}` as MessageKey)}</td>
                    <td className="whitespace-nowrap py-1.5 pr-3 text-right">{r.onHandBefore} → {r.onHandAfter}</td>
                    <td className="whitespace-nowrap py-1.5 pr-3 text-right">{r.reservedBefore} → {r.reservedAfter}</td>
                    <td className="py-1.5 pr-3">{r.actor}</td>
                    <td className="py-1.5 text-slate-600">{[ledgerReasonText(t, r.reason), r.reference].filter(Boolean).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="flex justify-between text-sm">
          {history.newer ? <Link className="text-brand-600 hover:underline" href={`/audit${toQuery({ ...keep, after: history.newer })}`}>← {t("audit.prev")}</Link> : <span />}
          {history.older ? <Link className="text-brand-600 hover:underline" href={`/audit${toQuery({ ...keep, before: history.older })}`} data-testid="older">{t("audit.next")} →</Link> : <span />}
        </nav>
      </section>
    </div>
  );
}
