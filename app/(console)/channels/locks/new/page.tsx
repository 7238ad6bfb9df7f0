import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { LockEditor } from "@/components/channels/lock-editor";
import type { LockValues } from "@/lib/channels/views";
import { DEFAULT_TIME_ZONE, utcToZoned } from "@/lib/channels/zoned-time";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { editorOptions } from "../editor-data";

export const metadata: Metadata = { title: "New lock" };

const WEEK = 7 * 86_400_000;

export default async function NewLockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSection("channels");
  const sp = await searchParams;
  const [{ t }, options] = await Promise.all([serverTranslator(), editorOptions()]);
  const wanted = Array.isArray(sp.channel) ? sp.channel[0] : sp.channel;
  const channel = options.channels.find((c) => String(c.id) === wanted) ?? options.channels.find((c) => c.active) ?? options.channels[0];
  // From now (to the minute) for a week, in the business time zone; the person changes what they need.
  const now = new Date();
  const initial: LockValues = {
    channelId: channel ? String(channel.id) : "",
    name: "",
    kind: "RING_FENCE",
    scopeKind: "SKU",
    skuCode: (Array.isArray(sp.sku) ? sp.sku[0] : sp.sku) ?? "",
    brandId: "",
    category: "",
    previewSku: "",
    unit: "UNITS",
    amount: "",
    startsAt: utcToZoned(now, DEFAULT_TIME_ZONE),
    endsAt: utcToZoned(new Date(now.getTime() + WEEK), DEFAULT_TIME_ZONE),
    timeZone: DEFAULT_TIME_ZONE,
  };
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("lock.breadcrumb")} href="/channels" parent={t("channels.title")} current={t("channels.newLock")} code={false} />
        <h1 className="mt-1 text-2xl font-semibold">{t("lock.new.title")}</h1>
        <p className="text-sm text-slate-500">{t("lock.new.subtitle")}</p>
      </div>
      <LockEditor {...options} initial={initial} />
    </div>
  );
}
