import type { Metadata } from "next";
import { DetailHeader } from "@/components/detail-header";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TableHead } from "@/components/table-head";
import { ReplayPanel } from "@/components/routing/replay";
import { RulesView } from "@/components/routing/rules-view";
import { Simulator } from "@/components/routing/simulator";
import { StrategyEditor } from "@/components/routing/strategy-editor";
import { DEFAULT_TIME_ZONE } from "@/lib/channels/zoned-time";
import type { MessageKey } from "@/lib/i18n";
import { rulesDiff, rulesToForm, type RulesForm } from "@/lib/routing-ui/rules-form";
import { changeText } from "@/lib/routing-ui/rules-text";
import { listChannels } from "@/lib/server/channels/channels";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { getStrategy, listStrategies, rulesOf } from "@/lib/server/routing/strategies";
import { CITIES } from "@/prisma/seed/cities";
import { routingLocations, sampleSkus } from "@/lib/server/routing/catalog";

export const metadata: Metadata = { title: "Routing strategy" };

const TABS = ["rules", "simulator", "replay"] as const;
type Tab = (typeof TABS)[number];

/** A strategy's first rules when it has no version left: what a new strategy gets without a default to copy. */
const FALLBACK_RULES: RulesForm = {
  maxSplits: "1",
  filters: [{ kind: "capability" }, { kind: "capacity" }],
  rankers: [{ kind: "complete" }, { kind: "nearest", measure: "weighted" }, { kind: "lowestCost" }],
};

const STATUS_TONE: Record<string, string> = {
  ACTIVE: "bg-green-50 text-green-700 ring-green-200",
  DRAFT: "bg-amber-50 text-amber-800 ring-amber-200",
  RETIRED: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** A version's changes against the one before it (null for the first version). */
function VersionChanges({ changes, first, same }: { changes: string[] | null; first: string; same: string }) {
  if (changes === null) return <span className="text-slate-400">{first}</span>;
  if (changes.length === 0) return <span className="text-slate-400">{same}</span>;
  return (
    <ul className="list-outside list-disc space-y-0.5 pl-4">
      {changes.map((c, j) => (
        <li key={j}>{c}</li>
      ))}
    </ul>
  );
}

export default async function StrategyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSection("routing");
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const sp = await searchParams;
  const requested = Array.isArray(sp.tab) ? sp.tab[0] : sp.tab;
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? "") ? (requested as Tab) : "rules";

  const [{ t, locale }, strategy, locations, channels, strategies] = await Promise.all([
    serverTranslator(),
    getStrategy(Number(raw)),
    routingLocations(),
    listChannels(),
    listStrategies(),
  ]);
  if (!strategy) notFound();
  const codeOf = new Map(locations.map((l) => [l.id, l.code]));
  const form = (v: (typeof strategy.versions)[number]) => rulesToForm(rulesOf(v), (lid) => codeOf.get(lid));
  const draft = strategy.versions.find((v) => v.status === "DRAFT") ?? null;
  const active = strategy.versions.find((v) => v.status === "ACTIVE") ?? null;
  const fallback = strategies.find((s) => s.isDefault);
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: DEFAULT_TIME_ZONE }).format(d);
  // Versions newest first: each one's changes against the one before it.
  const forms = strategy.versions.map(form);
  const changesOf = (i: number) => (i + 1 < forms.length ? rulesDiff(forms[i + 1], forms[i]).map((c) => changeText(t, c)) : null);
  const users = strategy.isDefault ? channels.filter((c) => c.routingStrategyId === null) : strategy.channels;

  return (
    <div className="space-y-6">
      <DetailHeader
        crumb={{ label: t("routing.breadcrumb"), href: "/routing", parent: t("routing.title"), current: strategy.code }}
        title={strategy.name}
        testId="strategy-title"
        facts={<>
          <span className="font-mono text-xs">{strategy.code}</span>
          {strategy.isDefault && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{t("routing.list.default")}</span>}
          <span>{active ? t("routing.detail.activeVersion", { version: active.version }) : t("routing.list.noActive")}</span>
          {draft && <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">{t("routing.list.draftBy", { version: draft.version, who: draft.createdBy })}</span>}
          <span>{users.length > 0 ? t("routing.detail.usedBy", { channels: users.map((c) => c.code).join(", ") }) : t("routing.detail.unused")}</span>
        </>}
      />

      <nav className="flex gap-1 border-b border-slate-200" aria-label={t("routing.detail.tabs")}>
        {TABS.map((k) => (
          <Link
            key={k}
            href={k === "rules" ? `/routing/${strategy.id}` : `/routing/${strategy.id}?tab=${k}`}
            aria-current={tab === k ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === k ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800"}`}
            data-testid={`tab-${k}`}
          >
            {t(`routing.tab.${k}` as MessageKey)}
          </Link>
        ))}
      </nav>

      {tab === "rules" && (
        <>
          <StrategyEditor
            strategyId={strategy.id}
            initial={draft ? form(draft) : active ? form(active) : FALLBACK_RULES}
            initialNote={draft?.note && draft.note !== "created" ? draft.note : ""}
            draft={draft ? { version: draft.version } : null}
            active={active ? { version: active.version, rules: form(active) } : null}
            reference={
              !active && fallback?.active && fallback.id !== strategy.id
                ? { code: fallback.code, version: fallback.active.version, rules: rulesToForm(rulesOf(fallback.active), (lid) => codeOf.get(lid)) }
                : null
            }
            locationCodes={locations.map((l) => l.code)}
          />

          <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div>
              <h2 className="text-lg font-medium">{t("routing.history.title")}</h2>
              <p className="text-sm text-slate-500">{t("routing.history.hint")}</p>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="version-history">
                <TableHead
                  gap={3}
                  columns={[
                    { label: t("routing.history.version") },
                    { label: t("routing.history.status") },
                    { label: t("routing.history.created") },
                    { label: t("routing.history.activated") },
                    { label: t("routing.history.note") },
                    { label: t("routing.history.changes") },
                    { label: t("routing.history.rules") },
                  ]}
                />
                <tbody>
                  {strategy.versions.map((v, i) => (
                    <tr key={v.id} className="border-b border-slate-100 align-top last:border-0" data-version={v.version} data-status={v.status}>
                      <td className="py-2 pr-3 font-medium">v{v.version}</td>
                      <td className="py-2 pr-3">
                        <span className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STATUS_TONE[v.status]}`}>{t(`routing.status.${v.status}` as MessageKey)}</span>
                      </td>
                      <td className="py-2 pr-3">
                        <span className="block" data-testid="created-by">
                          {v.createdBy}
                        </span>
                        <span className="text-xs text-slate-500">{time(v.createdAt)}</span>
                      </td>
                      <td className="py-2 pr-3">
                        {v.activatedBy ? (
                          <>
                            <span className="block" data-testid="activated-by">
                              {v.activatedBy}
                            </span>
                            <span className="text-xs text-slate-500">{v.activatedAt ? time(v.activatedAt) : ""}</span>
                          </>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-slate-600">{v.note ?? <span className="text-slate-400">—</span>}</td>
                      <td className="py-2 pr-3 text-slate-600" data-testid="version-changes">
                        <VersionChanges changes={changesOf(i)} first={t("routing.history.first")} same={t("routing.history.same")} />
                      </td>
                      <td className="py-2">
                        <details>
                          <summary className="cursor-pointer text-brand-700 select-none hover:underline">{t("routing.history.show")}</summary>
                          <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
                            <RulesView rules={forms[i]} />
                          </div>
                        </details>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      {tab === "simulator" && (
        <Simulator
          strategyId={strategy.id}
          versions={{ draft: draft?.version ?? null, active: active?.version ?? null }}
          cities={CITIES.map((c) => ({ code: c.code, label: locale === "zh-CN" ? `${c.nameZh}（${c.provinceZh}）` : `${c.name}, ${c.province}` }))}
          channels={channels.map((c) => ({ id: c.id, code: c.code, name: c.name }))}
          stores={locations.filter((l) => l.canPickup).map((l) => ({ code: l.code, name: l.name }))}
          sampleSkus={await sampleSkus(2)}
        />
      )}

      {tab === "replay" && (
        <ReplayPanel
          strategyId={strategy.id}
          draft={draft ? { code: strategy.code, version: draft.version } : null}
          baseline={active ? { code: strategy.code, version: active.version } : fallback?.active ? { code: fallback.code, version: fallback.active.version } : null}
          channels={channels.map((c) => ({ id: c.id, code: c.code, name: c.name }))}
        />
      )}
    </div>
  );
}
