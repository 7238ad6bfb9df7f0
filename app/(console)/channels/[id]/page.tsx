import type { Metadata } from "next";
import { DetailHeader } from "@/components/detail-header";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelForm } from "@/components/channels/channel-form";
import { ChannelKeys } from "@/components/channels/channel-keys";
import { StateBadge } from "@/components/channels/state-badge";
import { formatAmount, formatWindow } from "@/lib/channels/format";
import { timelineWindow } from "@/lib/channels/timeline";
import { DEFAULT_TIME_ZONE } from "@/lib/channels/zoned-time";
import { formatNumber } from "@/lib/i18n";
import { skuByCode } from "@/lib/server/catalog";
import { explainChannelAts } from "@/lib/server/channels/availability";
import { channelKeys, listChannels } from "@/lib/server/channels/channels";
import { CHANNEL_TYPES } from "@/lib/server/channels/input";
import { getLock, listLocks } from "@/lib/server/channels/locks";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { lockScopeText, scopeNames } from "../lock-text";

export const metadata: Metadata = { title: "Channel" };

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function ChannelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSection("channels");
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const sp = await searchParams;
  const skuCode = (Array.isArray(sp.sku) ? sp.sku[0] : sp.sku)?.trim() || undefined;

  const [{ t, locale }, channels] = await Promise.all([serverTranslator(), listChannels()]);
  const channel = channels.find((c) => c.id === id);
  if (!channel) notFound();
  const now = new Date();
  const window = timelineWindow(now, DEFAULT_TIME_ZONE);
  const [keys, locks, sku] = await Promise.all([
    channelKeys(id),
    listLocks({ from: window.from, to: window.to }, now).then((all) => all.filter((l) => l.channelId === id)),
    skuCode ? skuByCode(skuCode) : null,
  ]);
  const [explanation, names] = await Promise.all([sku ? explainChannelAts(id, sku.id, now) : null, scopeNames(locks.map((l) => l.scopeSkuId))]);
  const n = (v: number) => formatNumber(locale, v);
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { timeZone: DEFAULT_TIME_ZONE, dateStyle: "medium", timeStyle: "short" }).format(d);
  const fences = await Promise.all((explanation?.fencedByOthers.locks ?? []).map((l) => getLock(l.lockId, now)));
  const lockName = new Map(fences.flatMap((l) => (l ? [[l.id, `${l.name} (${l.channel.code})`] as const] : [])));

  return (
    <div className="space-y-6">
      <DetailHeader
        crumb={{ label: t("lock.breadcrumb"), href: "/channels", parent: t("channels.title"), current: channel.code }}
        title={channel.name}
        testId="channel-title"
        facts={<>
          <span className="font-mono text-xs leading-5">{channel.code}</span>
          <span>{t(`channelType.${channel.type}`)}</span>
          <span>{channel.active ? t("channels.active") : t("channels.inactive")}</span>
        </>}
      />

      <section className={card}>
        <h2 className="text-lg font-medium">{t("channels.detail.settings")}</h2>
        <ChannelForm
          id={channel.id}
          initial={{ code: channel.code, name: channel.name, type: channel.type, active: channel.active, safetyMargin: String(channel.safetyMargin) }}
          types={CHANNEL_TYPES}
        />
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("channels.keys.title")}</h2>
          <p className="text-sm text-slate-500">{t("channels.keys.intro")}</p>
        </div>
        <ChannelKeys
          channelId={channel.id}
          keys={keys.map((k) => ({
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            createdBy: k.createdBy,
            created: time(k.createdAt),
            lastUsed: k.lastUsedAt ? time(k.lastUsedAt) : null,
            revoked: k.revokedAt !== null,
          }))}
        />
      </section>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("channels.explain.title")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="text-slate-700">
            {t("channels.explain.sku")}
            <input name="sku" defaultValue={skuCode} autoComplete="off" spellCheck={false} className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm" />
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
            {t("channels.explain.show")}
          </button>
        </form>
        {skuCode && !sku && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("channels.ats.skuNotFound", { code: skuCode })}</p>}
        {explanation && (
          <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm" data-testid="ats-explanation">
            <dt className="text-slate-600">{t("channels.explain.pool")}</dt>
            <dd className="text-right tabular-nums">{n(explanation.poolAtp)}</dd>
            <dt className="text-slate-600">
              {t("channels.explain.fenced")}
              {explanation.fencedByOthers.locks.length > 0 && (
                <span className="block text-xs text-slate-500">{explanation.fencedByOthers.locks.map((l) => `${lockName.get(l.lockId) ?? `#${l.lockId}`}: ${n(l.remaining)}`).join(" · ")}</span>
              )}
            </dt>
            <dd className="text-right tabular-nums">−{n(explanation.fencedByOthers.total)}</dd>
            <dt className="text-slate-600">{t("channels.explain.margin")}</dt>
            <dd className="text-right tabular-nums">−{n(explanation.margin)}</dd>
            <dt className="text-slate-600">{t("channels.explain.cap")}</dt>
            <dd className="text-right tabular-nums">{explanation.cap ? n(explanation.cap.remaining) : t("channels.explain.noCap")}</dd>
            {explanation.ownFences.length > 0 && (
              <>
                <dt className="text-slate-600">{t("channels.explain.own")}</dt>
                <dd className="text-right text-slate-500 tabular-nums">{n(explanation.ownFences.reduce((s, f) => s + f.remaining, 0))}</dd>
              </>
            )}
            <dt className="border-t border-slate-200 pt-1.5 font-medium">{t("channels.explain.ats")}</dt>
            <dd className="border-t border-slate-200 pt-1.5 text-right font-semibold tabular-nums" data-testid="explained-ats">
              {channel.active ? n(explanation.ats) : 0}
            </dd>
          </dl>
        )}
        {explanation && !channel.active && <p className="text-sm text-slate-500">{t("channels.explain.inactive")}</p>}
      </section>

      <section className={card}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-medium">{t("channels.detail.locks")}</h2>
          <Link href={`/channels/locks/new?channel=${channel.id}`} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
            {t("channels.newLock")}
          </Link>
        </div>
        {locks.length === 0 ? (
          <p className="text-sm text-slate-500">{t("channels.detail.noLocks")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {locks.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/channels/locks/${l.id}`} className="font-medium text-brand-700 hover:underline">
                  {l.name}
                </Link>
                <span>{t(`lock.kind.${l.kind}`)}</span>
                <span>{formatAmount(t, locale, { unit: l.unit, value: l.amount })}</span>
                <span>{lockScopeText(t, l, names)}</span>
                <span className="text-slate-500">{formatWindow(t, locale, l.startsAt, l.endsAt, l.timeZone)}</span>
                <StateBadge state={l.state} label={t(`lock.state.${l.state}`)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
