import type { Metadata } from "next";
import { DetailHeader } from "@/components/detail-header";
import { notFound } from "next/navigation";
import { CancelLockButton } from "@/components/channels/cancel-lock-button";
import { LockEditor } from "@/components/channels/lock-editor";
import { type HistoryEntry, LockHistory } from "@/components/channels/lock-history";
import { StateBadge } from "@/components/channels/state-badge";
import { formatAmount, formatInZone, formatScope, formatWindow, type ScopeNames } from "@/lib/channels/format";
import { type HistoryChange, lockChanges, lockFacts, type LockFacts, scopeSkuIds } from "@/lib/channels/lock-history";
import type { LockValues } from "@/lib/channels/views";
import { utcToZoned } from "@/lib/channels/zoned-time";
import { formatNumber, type Locale, type MessageKey, type Translate } from "@/lib/i18n";
import { getLock } from "@/lib/server/channels/locks";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { lockScopeText, scopeNames } from "../../lock-text";
import { editorOptions } from "../editor-data";

export const metadata: Metadata = { title: "Lock" };

/** One fact of a lock snapshot as people read it; times in the zone the snapshot was entered in. */
function factText(t: Translate, locale: Locale, change: HistoryChange, zone: string, names: ScopeNames): [string, string] {
  const f = (facts: Partial<LockFacts>): string => {
    switch (change.field) {
      case "kind":
        return t(`lock.kind.${facts.kind}` as MessageKey);
      case "scope":
        return formatScope(t, facts.scope!, names);
      case "amount":
        return formatAmount(t, locale, facts.amount!);
      case "startsAt":
      case "endsAt":
        return formatInZone(facts[change.field]!, zone, locale);
      default:
        return String(facts[change.field] ?? "");
    }
  };
  return [f({ [change.field]: change.before }), f({ [change.field]: change.after })];
}

export default async function LockPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSection("channels");
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const now = new Date();
  const lock = await getLock(Number(raw), now);
  if (!lock) notFound();
  const saved = (await searchParams).saved !== undefined;
  const editable = lock.state === "scheduled" || lock.state === "active";

  const snapshots = lock.events.flatMap((e) => [e.before, e.after]);
  const [{ t, locale }, options, names] = await Promise.all([
    serverTranslator(),
    editable ? editorOptions() : null,
    scopeNames([lock.scopeSkuId, ...scopeSkuIds(snapshots)]),
  ]);
  const zone = lock.timeZone;
  const stateLabel = t(`lock.state.${lock.state}`);

  const history: HistoryEntry[] = lock.events.map((e) => {
    let details: string[] = [];
    const after = lockFacts(e.after);
    if (e.action === "CREATED" && after) {
      details = [
        t("lock.history.createdAs", {
          kind: t(`lock.kind.${after.kind}` as MessageKey),
          amount: formatAmount(t, locale, after.amount),
          scope: formatScope(t, after.scope, names),
          window: formatWindow(t, locale, after.startsAt, after.endsAt, after.timeZone),
        }),
      ];
    } else if (e.action === "EDITED") {
      const shownIn = after?.timeZone || zone;
      details = lockChanges(e.before, e.after).map((c) => {
        const [before, afterText] = factText(t, locale, c, shownIn, names);
        return t("lock.history.change", { field: t(`lock.field.${c.field}`), before, after: afterText });
      });
    }
    return {
      key: String(e.id),
      action: e.action,
      actionLabel: t(`lock.history.action.${e.action}` as MessageKey),
      by: t("lock.history.by", { actor: e.actor }),
      time: new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "medium", timeStyle: "medium" }).format(e.at),
      details,
    };
  });

  const initial: LockValues = {
    channelId: String(lock.channelId),
    name: lock.name,
    kind: lock.kind,
    scopeKind: lock.scopeKind,
    skuCode: lock.scopeSkuId ? (names.skuCodes.get(lock.scopeSkuId) ?? "") : "",
    brandId: lock.scopeBrandId ? String(lock.scopeBrandId) : "",
    category: lock.scopeCategory ?? "",
    previewSku: "",
    unit: lock.unit,
    amount: String(lock.amount),
    startsAt: utcToZoned(lock.startsAt, zone),
    endsAt: utcToZoned(lock.endsAt, zone),
    timeZone: zone,
  };

  return (
    <div className="space-y-6">
      <DetailHeader
        crumb={{ label: t("lock.breadcrumb"), href: "/channels", parent: t("channels.title"), current: lock.channel.code }}
        title={t("lock.edit.title", { name: lock.name })}
        testId="lock-title"
        badges={<span data-testid="lock-state"><StateBadge state={lock.state} label={stateLabel} /></span>}
        factsTestId="lock-facts"
        facts={<>
          <span>
            <span className="font-mono text-xs">{lock.channel.code}</span> {lock.channel.name}
          </span>
          <span>{t(`lock.kind.${lock.kind}`)}</span>
          <span>{formatAmount(t, locale, { unit: lock.unit, value: lock.amount })}</span>
          <span>{lockScopeText(t, lock, names)}</span>
          <span>{formatWindow(t, locale, lock.startsAt, lock.endsAt, zone)}</span>
        </>}
      >
        <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
          <span>{t("lock.createdBy", { actor: lock.createdBy, time: formatInZone(lock.createdAt, zone, locale) })}</span>
          <span>{t("lock.consumed", { units: formatNumber(locale, lock.consumed) })}</span>
          <span>{t("lock.version", { version: lock.version })}</span>
        </p>
      </DetailHeader>

      {saved && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800" data-testid="lock-saved">
          {t("lock.savedNote")}
        </p>
      )}

      {editable && options ? (
        <>
          <LockEditor key={lock.version} {...options} initial={initial} lock={{ id: lock.id, version: lock.version }} />
          <CancelLockButton id={lock.id} name={lock.name} />
        </>
      ) : (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="lock-read-only">
          {lock.cancelledAt ? t("lock.readOnly.cancelled", { time: formatInZone(lock.cancelledAt, zone, locale) }) : t("lock.readOnly.ended")}
        </p>
      )}

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-medium">{t("lock.history.title")}</h2>
        <LockHistory entries={history} empty={t("lock.history.empty")} />
      </section>
    </div>
  );
}
