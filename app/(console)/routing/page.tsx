import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/table-head";
import { ChannelAssignments } from "@/components/routing/channel-assignments";
import { CreateStrategyForm } from "@/components/routing/create-strategy-form";
import { DEFAULT_TIME_ZONE } from "@/lib/channels/zoned-time";
import { rulesToForm } from "@/lib/routing-ui/rules-form";
import { rulesSummary } from "@/lib/routing-ui/rules-text";
import { listChannels } from "@/lib/server/channels/channels";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { listStrategies, rulesOf } from "@/lib/server/routing/strategies";
import { routingLocations } from "@/lib/server/routing/catalog";

export const metadata: Metadata = { title: "Routing" };

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function RoutingPage() {
  await requireSection("routing");
  const [{ t, locale }, strategies, channels, locations] = await Promise.all([serverTranslator(), listStrategies(), listChannels(), routingLocations()]);
  const codeOf = new Map(locations.map((l) => [l.id, l.code]));
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: DEFAULT_TIME_ZONE }).format(d);
  const defaultStrategy = strategies.find((s) => s.isDefault);
  const onDefault = channels.filter((c) => c.routingStrategyId === null || !strategies.some((s) => s.id === c.routingStrategyId));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("routing.title")}</h1>
        <p className="text-sm text-slate-500">{t("routing.subtitle")}</p>
      </div>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("routing.list.title")}</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="strategy-list">
            <TableHead
              gap={3}
              columns={[
                { label: t("routing.list.strategy") },
                { label: t("routing.list.active") },
                { label: t("routing.list.draft") },
                { label: t("routing.list.channels") },
              ]}
            />
            <tbody>
              {strategies.map((s) => {
                const users = s.isDefault ? onDefault : s.channels;
                return (
                  <tr key={s.id} className="border-b border-slate-100 align-top last:border-0" data-strategy={s.code}>
                    <td className="py-2.5 pr-3">
                      <Link href={`/routing/${s.id}`} className="font-medium text-brand-700 hover:underline">
                        {s.name}
                      </Link>
                      <span className="ml-2 font-mono text-xs text-slate-500">{s.code}</span>
                      {s.isDefault && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{t("routing.list.default")}</span>}
                    </td>
                    <td className="py-2.5 pr-3" data-testid="active-summary">
                      {s.active ? (
                        <>
                          <p>
                            <span className="font-medium">v{s.active.version}</span> · {rulesSummary(t, rulesToForm(rulesOf(s.active), (id) => codeOf.get(id)))}
                          </p>
                          <p className="text-xs text-slate-500">
                            {t("routing.list.activatedBy", { who: s.active.activatedBy ?? "—", when: s.active.activatedAt ? time(s.active.activatedAt) : "—" })}
                          </p>
                        </>
                      ) : (
                        <span className="text-slate-500">{t("routing.list.noActive")}</span>
                      )}
                    </td>
                    <td className="py-2.5 pr-3" data-testid="draft-indicator">
                      {s.draft ? (
                        <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-800 ring-1 ring-amber-200 ring-inset">
                          {t("routing.list.draftBy", { version: s.draft.version, who: s.draft.createdBy })}
                        </span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                    <td className="py-2.5" data-testid="strategy-channels">
                      {users.length === 0 ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <span className="flex flex-wrap gap-1">
                          {users.map((c) => (
                            <span key={c.id} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" title={c.name}>
                              {c.code}
                            </span>
                          ))}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <details className="group rounded-lg border border-slate-200 open:bg-slate-50/50">
          <summary className="cursor-pointer rounded-lg px-4 py-2 text-sm font-medium text-brand-700 select-none hover:bg-slate-50">{t("routing.list.new")}</summary>
          <div className="border-t border-slate-200 p-4">
            <CreateStrategyForm />
          </div>
        </details>
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("routing.assign.title")}</h2>
          <p className="text-sm text-slate-500">{t("routing.assign.hint")}</p>
        </div>
        {channels.length === 0 ? (
          <p className="text-sm text-slate-500">{t("routing.assign.noChannels")}</p>
        ) : (
          <ChannelAssignments
            channels={channels.map((c) => ({ id: c.id, code: c.code, name: c.name, active: c.active, strategyId: c.routingStrategyId }))}
            strategies={strategies.filter((s) => !s.isDefault).map((s) => ({ id: s.id, code: s.code, name: s.name, live: s.active !== null }))}
            defaultCode={defaultStrategy?.code ?? "DEFAULT"}
          />
        )}
      </section>
    </div>
  );
}
