import type { Metadata } from "next";
import Link from "next/link";
import { AtsChart } from "@/components/channels/ats-chart";
import { ChannelForm } from "@/components/channels/channel-form";
import { LockTimeline } from "@/components/channels/lock-timeline";
import { StateBadge } from "@/components/channels/state-badge";
import { formatAmount, formatWindow } from "@/lib/channels/format";
import { addDays, timelineWindow } from "@/lib/channels/timeline";
import { DEFAULT_TIME_ZONE } from "@/lib/channels/zoned-time";
import { formatNumber, type Locale, type Translate } from "@/lib/i18n";
import { allBrands, type BrandRef, skuByCode } from "@/lib/server/catalog";
import { atsByChannel } from "@/lib/server/channels/availability";
import { channelKeys, listChannels } from "@/lib/server/channels/channels";
import { CHANNEL_TYPES } from "@/lib/server/channels/input";
import { listLocks } from "@/lib/server/channels/locks";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { lockScopeText, scopeNames, timelineView } from "./lock-text";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Channels" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

type Channels = Awaited<ReturnType<typeof listChannels>>;

type AtsSubject = { kind: "SKU"; code: string } | { kind: "BRAND"; name: string; id: number };
type AtsView = { missing: string } | { subject: AtsSubject; poolAtp: number; skus: number; bars: { id: number; code: string; name: string; ats: number }[] };

/** The ATS chart's subject: a SKU by code, else a brand by id, else the first brand. */
async function atsSection(channels: Channels, brands: BrandRef[], sku: string | undefined, brand: string | undefined): Promise<AtsView | null> {
  let selection: { skuId: number } | { brandId: number };
  let subject: AtsSubject;
  if (sku) {
    const found = await skuByCode(sku);
    if (!found) return { missing: sku };
    selection = { skuId: found.id };
    subject = { kind: "SKU", code: found.code };
  } else {
    const chosen = brands.find((b) => String(b.id) === brand) ?? brands[0];
    if (!chosen) return null;
    selection = { brandId: chosen.id };
    subject = { kind: "BRAND", name: chosen.name, id: chosen.id };
  }
  const ats = await atsByChannel(selection);
  const bars = channels.filter((c) => ats.byChannel.has(c.id)).map((c) => ({ id: c.id, code: c.code, name: c.name, ats: ats.byChannel.get(c.id) ?? 0 }));
  return { subject, poolAtp: ats.poolAtp, skus: ats.skus, bars };
}

function AtsTable({ t, locale, rows, poolAtp }: { t: Translate; locale: Locale; rows: { id: number; code: string; name: string; ats: number }[]; poolAtp: number }) {
  const n = (v: number) => formatNumber(locale, v);
  return (
    <table className="w-full text-sm" data-testid="ats-table">
      <TableHead
        gap={3}
        columns={[
          { label: t("channels.ats.col.channel") },
          { label: t("channels.ats.col.ats"), align: "right" },
          { label: t("channels.ats.col.held"), align: "right" },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 last:border-0" data-channel={r.code}>
            <td className="py-1.5 pr-3">
              <span className="font-mono text-xs">{r.code}</span> <span className="text-slate-600">{r.name}</span>
            </td>
            <td className="py-1.5 pr-3 text-right font-medium tabular-nums" data-testid="ats">{n(r.ats)}</td>
            <td className="py-1.5 text-right text-slate-500 tabular-nums">{n(Math.max(0, poolAtp - r.ats))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSection("channels");
  const params = await searchParams;
  const sku = one(params.sku);
  const brand = one(params.brand);
  const now = new Date();
  const zone = DEFAULT_TIME_ZONE;
  const from = one(params.from);
  const window = timelineWindow(now, zone, from);

  const [{ t, locale }, channels, brands, locks] = await Promise.all([
    serverTranslator(),
    listChannels(),
    allBrands(),
    listLocks({ from: window.from, to: window.to }, now),
  ]);
  const [keys, ats, names] = await Promise.all([
    Promise.all(channels.map((c) => channelKeys(c.id))),
    atsSection(channels, brands, sku, brand),
    scopeNames(locks.map((l) => l.scopeSkuId)),
  ]);
  const n = (v: number) => formatNumber(locale, v);
  const timeline = timelineView(t, locale, { channels, locks, window, zone, now, names });
  const dateLabel = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "medium" });
  const lastDay = new Date(window.to.getTime() - 1);

  // Links keep the other controls' choices.
  const href = (change: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ sku, brand: sku ? undefined : brand, from, ...change })) if (v) q.set(k, v);
    return q.size ? `/channels?${q}` : "/channels";
  };
  const inactive = channels.filter((c) => !c.active).map((c) => c.code);
  const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("channels.title")}</h1>
          <p className="text-sm text-slate-500">{t("channels.subtitle")}</p>
        </div>
        <Link href="/channels/locks/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="new-lock">
          {t("channels.newLock")}
        </Link>
      </div>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("channels.list.title")}</h2>
        {channels.length === 0 ? (
          <p className="py-4 text-sm text-slate-500">{t("channels.list.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="channel-list">
              <TableHead
                gap={3}
                columns={[
                  { label: t("channels.col.code") },
                  { label: t("channels.col.name") },
                  { label: t("channels.col.type") },
                  { label: t("channels.col.status") },
                  { label: t("channels.col.margin"), align: "right" },
                  { label: t("channels.col.routing") },
                  { label: t("channels.col.keys"), align: "right" },
                  { label: t("channels.col.locks"), align: "right" },
                  { key: "actions" },
                ]}
              />
              <tbody>
                {channels.map((c, i) => (
                  <tr key={c.id} className="border-b border-slate-100 last:border-0" data-channel={c.code}>
                    <td className="py-2 pr-3 font-mono text-xs font-medium">{c.code}</td>
                    <td className="py-2 pr-3">{c.name}</td>
                    <td className="py-2 pr-3">{t(`channelType.${c.type}`)}</td>
                    <td className="py-2 pr-3">
                      {c.active ? (
                        <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-700">{t("channels.active")}</span>
                      ) : (
                        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-500">{t("channels.inactive")}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(c.safetyMargin)}</td>
                    <td className="py-2 pr-3">
                      {c.routingStrategy ? (
                        <Link href={`/routing/${c.routingStrategy.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                          {c.routingStrategy.code}
                        </Link>
                      ) : (
                        <span className="text-slate-500">{t("channels.routingDefault")}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(keys[i].filter((k) => !k.revokedAt).length)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(c._count.locks)}</td>
                    <td className="py-2 text-right">
                      <Link href={`/channels/${c.id}`} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50">
                        {t("channels.edit")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="group rounded-lg border border-slate-200 open:bg-slate-50/50" open={channels.length === 0}>
          <summary className="cursor-pointer rounded-lg px-4 py-2 text-sm font-medium text-brand-700 select-none hover:bg-slate-50">
            {t("channels.new")}
          </summary>
          <div className="border-t border-slate-200 p-4">
            <ChannelForm initial={{ code: "", name: "", type: CHANNEL_TYPES[0], active: true, safetyMargin: "0" }} types={CHANNEL_TYPES} />
          </div>
        </details>
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("channels.ats.title")}</h2>
          <p className="text-sm text-slate-500">{t("channels.ats.hint")}</p>
        </div>
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3 text-sm" data-testid="ats-picker">
          <form method="get" className="flex items-end gap-2">
            <label className="text-slate-700">
              {t("channels.ats.sku")}
              <input name="sku" defaultValue={sku} autoComplete="off" spellCheck={false} className={`${input} w-56 font-mono`} />
            </label>
            {from && <input type="hidden" name="from" value={from} />}
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
              {t("channels.ats.show")}
            </button>
          </form>
          <form method="get" className="flex items-end gap-2">
            <label className="text-slate-700">
              {t("channels.ats.brand")}
              <select name="brand" defaultValue={ats && "subject" in ats && ats.subject.kind === "BRAND" ? String(ats.subject.id) : ""} className={`${input} w-48 bg-white`}>
                {brands.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            {from && <input type="hidden" name="from" value={from} />}
            <button type="submit" className="rounded-md border border-brand-600 bg-white px-4 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
              {t("channels.ats.show")}
            </button>
          </form>
        </div>
        {ats === null ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("channels.ats.pick")}</p>
        ) : "missing" in ats ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="ats-missing">
            {t("channels.ats.skuNotFound", { code: ats.missing ?? "" })}
          </p>
        ) : (
          <>
            <p className="text-sm font-medium text-slate-700" data-testid="ats-subject">
              {ats.subject.kind === "SKU"
                ? t("channels.ats.forSku", { code: ats.subject.code, pool: n(ats.poolAtp) })
                : t("channels.ats.forBrand", { name: ats.subject.name, pool: n(ats.poolAtp), skus: n(ats.skus) })}
            </p>
            {ats.bars.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500">{t("channels.ats.noActive")}</p>
            ) : (
              <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
                <AtsChart data={ats.bars} poolAtp={ats.poolAtp} />
                <AtsTable t={t} locale={locale} rows={ats.bars} poolAtp={ats.poolAtp} />
              </div>
            )}
            {inactive.length > 0 && <p className="text-xs text-slate-500">{t("channels.ats.inactiveNote", { codes: inactive.join(", ") })}</p>}
          </>
        )}
      </section>

      <section className={card}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 className="text-lg font-medium">{t("channels.timeline.title")}</h2>
            <p className="text-sm text-slate-500">{t("channels.timeline.hint", { zone })}</p>
          </div>
          <nav className="flex items-center gap-1 text-sm" aria-label={t("channels.timeline.title")}>
            <Link href={href({ from: addDays(window.start, -14) })} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50">
              {t("channels.timeline.earlier")}
            </Link>
            <Link href={href({ from: undefined })} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50">
              {t("channels.timeline.today")}
            </Link>
            <Link href={href({ from: addDays(window.start, 14) })} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50">
              {t("channels.timeline.later")}
            </Link>
          </nav>
        </div>
        <p className="text-sm font-medium text-slate-700">
          {t("channels.timeline.range", { from: dateLabel.format(window.from), to: dateLabel.format(lastDay) })}
        </p>
        <LockTimeline rows={timeline.rows} ticks={timeline.ticks} nowLeft={timeline.nowLeft} nowLabel={t("channels.timeline.now")} legend={timeline.legend} />
        <h3 className="pt-2 font-medium">{t("channels.timeline.list")}</h3>
        {locks.length === 0 ? (
          <p className="py-4 text-sm text-slate-500">{t("channels.timeline.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="lock-list">
              <TableHead
                gap={3}
                columns={[
                  { label: t("lock.col.name") },
                  { label: t("lock.col.channel") },
                  { label: t("lock.col.kind") },
                  { label: t("lock.col.scope") },
                  { label: t("lock.col.amount"), align: "right" },
                  { label: t("lock.col.window") },
                  { label: t("lock.col.state") },
                ]}
              />
              <tbody>
                {locks.map((l) => (
                  <tr key={l.id} className="border-b border-slate-100 last:border-0" data-lock-id={l.id}>
                    <td className="py-2 pr-3">
                      <Link href={`/channels/locks/${l.id}`} className="font-medium text-brand-700 hover:underline">
                        {l.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{l.channel.code}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{t(`lock.kind.${l.kind}`)}</td>
                    <td className="py-2 pr-3">{lockScopeText(t, l, names)}</td>
                    <td className="py-2 pr-3 text-right whitespace-nowrap">{formatAmount(t, locale, { unit: l.unit, value: l.amount })}</td>
                    <td className="py-2 pr-3 text-slate-600">{formatWindow(t, locale, l.startsAt, l.endsAt, l.timeZone)}</td>
                    <td className="py-2">
                      <StateBadge state={l.state} label={t(`lock.state.${l.state}`)} />
                    </td>
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
