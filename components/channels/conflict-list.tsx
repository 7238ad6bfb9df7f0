"use client";
import Link from "next/link";
import { formatInZone } from "@/lib/channels/format";
import type { ConflictView } from "@/lib/channels/views";
import { formatNumber } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";

/** Why a ring-fence was refused: per SKU, the pool, what the overlapping fences keep, and which locks they are (`selfId`: the lock being edited). */
export function ConflictList({ conflicts, more, timeZone, selfId }: { conflicts: ConflictView[]; more: number; timeZone: string; selfId?: number }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="lock-conflicts">
      <p className="font-medium">{t("lock.conflict.title")}</p>
      <ul className="space-y-2">
        {conflicts.map((c) => (
          <li key={`${c.sku}-${c.from}`} data-sku={c.sku}>
            <p>{t("lock.conflict.sku", { sku: c.sku, pool: n(c.poolAtp), fenced: n(c.fenced), from: formatInZone(c.from, timeZone, locale) })}</p>
            <p className="mt-0.5 text-red-800">
              {t("lock.conflict.by")}{" "}
              {c.locks.map((l, i) => (
                <span key={l.id ?? "new"}>
                  {i > 0 && ", "}
                  {l.id === null || l.id === selfId ? (
                    <strong>{t("lock.conflict.thisLock", { name: l.name, channel: l.channel })}</strong>
                  ) : (
                    <Link href={`/channels/locks/${l.id}`} className="font-medium underline hover:text-red-950" data-testid="conflict-lock">
                      {t("lock.conflict.lock", { name: l.name, channel: l.channel })}
                    </Link>
                  )}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t("lock.conflict.more", { count: n(more) })}</p>}
    </div>
  );
}
