"use client";
import { useState, useTransition } from "react";
import { type SimulationView, simulateAction } from "@/app/(console)/routing/actions";
import { formatNumber } from "@/lib/i18n";
import type { CandidateRow } from "@/lib/routing-ui/candidate-ranks";
import { kmText, moneyText, ruleName, valueShort, valueText } from "@/lib/routing-ui/explain-text";
import { useI18n } from "../i18n-provider";
import { Field } from "../intake/field";
import { TypePicker } from "../intake/type-picker";
import { TableHead } from "../table-head";
import { SelectField } from "../channels/select-field";
import { CandidateMap } from "./candidate-map";
import { RoutingExplanation } from "./explanation";
import { type Said, said } from "./said";

type Line = { sku: string; quantity: string };
const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

/**
 * Try the draft or the active rules on a sample order (destination city or coordinates, SKUs and quantities, ship or
 * pick up, optionally through a channel's available-to-sell): the winning plan, why it won, and every candidate.
 */
export function Simulator({
  strategyId,
  versions,
  cities,
  channels,
  stores,
  sampleSkus,
}: {
  strategyId: number;
  versions: { draft: number | null; active: number | null };
  cities: { code: string; label: string }[];
  channels: { id: number; code: string; name: string }[];
  stores: { code: string; name: string }[];
  sampleSkus: string[];
}) {
  const { t } = useI18n();
  const [use, setUse] = useState<"draft" | "active">(versions.draft !== null ? "draft" : "active");
  const [destKind, setDestKind] = useState<"city" | "point">("city");
  const [city, setCity] = useState(cities[0]?.code ?? "");
  const [lat, setLat] = useState("31.2304");
  const [lng, setLng] = useState("121.4737");
  const [channelId, setChannelId] = useState("");
  const [fulfilment, setFulfilment] = useState<"SHIP" | "PICKUP">("SHIP");
  const [pickupCode, setPickupCode] = useState("");
  const [lines, setLines] = useState<Line[]>(sampleSkus.length > 0 ? sampleSkus.slice(0, 1).map((sku) => ({ sku, quantity: "2" })) : [{ sku: "", quantity: "1" }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Said | null>(null);
  const [result, setResult] = useState<SimulationView | null>(null);
  const [pending, start] = useTransition();
  const clear = (field: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(field))));
  const setLine = (i: number, patch: Partial<Line>) => {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
    clear(`lines.${i}`);
  };
  const none = versions.draft === null && versions.active === null;

  function run(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      try {
        const r = await simulateAction({
          strategyId,
          use,
          destination: destKind === "city" ? { kind: "city", city } : { kind: "point", lat, lng },
          channelId: channelId ? Number(channelId) : null,
          fulfilment,
          pickupCode: fulfilment === "PICKUP" ? pickupCode : "",
          lines,
        });
        if (!r.ok) {
          setErrors(Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^destination\./, ""), v])));
          setMessage(r.fieldErrors ? { key: "routing.editor.fix" } : { text: r.error });
          return;
        }
        setErrors({});
        setMessage(null);
        setResult(r.data);
      } catch {
        setMessage({ key: "routing.failed" });
      }
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={run} noValidate className={card} data-testid="simulator-form">
        <div>
          <h2 className="text-lg font-medium">{t("routing.sim.title")}</h2>
          <p className="text-sm text-slate-500">{t("routing.sim.hint")}</p>
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <div className="space-y-4">
            <TypePicker
              legend={t("routing.sim.rules")}
              name="use"
              value={use}
              onChange={(v) => {
                setUse(v);
                clear("use");
              }}
              options={[
                ...(versions.draft !== null ? [{ value: "draft" as const, label: t("routing.sim.useDraft", { version: versions.draft }) }] : []),
                ...(versions.active !== null ? [{ value: "active" as const, label: t("routing.sim.useActive", { version: versions.active }) }] : []),
              ]}
              testId="sim-rules"
            />
            {errors.use && <p className="text-xs font-medium text-red-600">{errors.use}</p>}
            <TypePicker
              legend={t("routing.sim.destination")}
              name="destKind"
              value={destKind}
              onChange={setDestKind}
              options={[
                { value: "city", label: t("routing.sim.byCity") },
                { value: "point", label: t("routing.sim.byPoint") },
              ]}
              testId="sim-destination"
            />
            {destKind === "city" ? (
              <SelectField label={t("routing.sim.city")} name="city" value={city} onChange={setCity} error={errors.city}>
                {cities.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </SelectField>
            ) : (
              <div className="grid grid-cols-2 gap-3">
                <Field label={t("routing.sim.lat")} name="lat" inputMode="decimal" value={lat} onChange={(v) => { setLat(v); clear("lat"); }} error={errors.lat} />
                <Field label={t("routing.sim.lng")} name="lng" inputMode="decimal" value={lng} onChange={(v) => { setLng(v); clear("lng"); }} error={errors.lng} />
              </div>
            )}
            <SelectField label={t("routing.sim.channel")} hint={t("routing.sim.channelHint")} name="channel" value={channelId} onChange={setChannelId}>
              <option value="">{t("routing.sim.noChannel")}</option>
              {channels.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.code} · {c.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="space-y-4">
            <TypePicker
              legend={t("routing.sim.fulfilment")}
              name="fulfilment"
              value={fulfilment}
              onChange={setFulfilment}
              options={[
                { value: "SHIP", label: t("routing.sim.ship") },
                { value: "PICKUP", label: t("routing.sim.pickup") },
              ]}
              testId="sim-fulfilment"
            />
            {fulfilment === "PICKUP" && (
              <SelectField label={t("routing.sim.pickupStore")} name="pickupCode" value={pickupCode} onChange={(v) => { setPickupCode(v); clear("pickupCode"); }} error={errors.pickupCode}>
                <option value="">{t("routing.sim.nearestStores")}</option>
                {stores.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} · {s.name}
                  </option>
                ))}
              </SelectField>
            )}
            <fieldset className="space-y-2" data-testid="sim-lines">
              <legend className="text-sm font-medium text-slate-700">{t("routing.sim.lines")}</legend>
              {lines.map((l, i) => (
                <div key={i} className="flex items-start gap-2" data-testid="sim-line">
                  <Field
                    label={t("routing.sim.sku")}
                    className="flex-1"
                    autoComplete="off"
                    spellCheck={false}
                    value={l.sku}
                    onChange={(v) => setLine(i, { sku: v.toUpperCase() })}
                    error={errors[`lines.${i}.sku`]}
                  />
                  <Field
                    label={t("routing.sim.quantity")}
                    className="w-28"
                    inputMode="numeric"
                    autoComplete="off"
                    value={l.quantity}
                    onChange={(v) => setLine(i, { quantity: v })}
                    error={errors[`lines.${i}.quantity`]}
                  />
                  <button
                    type="button"
                    disabled={lines.length === 1}
                    aria-label={t("routing.sim.removeLine", { n: i + 1 })}
                    onClick={() => {
                      setLines((ls) => ls.filter((_, j) => j !== i));
                      setErrors({});
                    }}
                    className="mt-7 inline-flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 text-slate-600 hover:bg-slate-50 disabled:opacity-40"
                  >
                    ×
                  </button>
                </div>
              ))}
              {errors.lines && <p className="text-xs font-medium text-red-600">{errors.lines}</p>}
              <button
                type="button"
                disabled={lines.length >= 20}
                onClick={() => setLines((ls) => [...ls, { sku: "", quantity: "1" }])}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
              >
                {t("routing.sim.addLine")}
              </button>
            </fieldset>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <button type="submit" disabled={pending || none} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? t("routing.sim.running") : t("routing.sim.run")}
          </button>
          {message && (
            <p role="alert" className="text-sm text-red-600" data-testid="sim-error">
              {said(t, message)}
            </p>
          )}
        </div>
      </form>

      {result && <SimulationResult result={result} />}
    </div>
  );
}

function SimulationResult({ result: r }: { result: SimulationView }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  const d = r.decision;
  const loc = (id: number) => r.locations[id];
  const sku = (id: number) => r.skuCode[id] ?? `#${id}`;
  return (
    <div className="space-y-6" data-testid="simulation-result">
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section className={card} data-testid="sim-plan" data-kind={d.kind}>
          <div>
            <h2 className="text-lg font-medium">{d.kind === "plan" ? t("routing.sim.plan") : t("routing.sim.options")}</h2>
            <p className="text-sm text-slate-500">
              {t(r.rules.use === "draft" ? "routing.sim.ranDraft" : "routing.sim.ranActive", { code: r.rules.code, version: r.rules.version })}
            </p>
          </div>
          {r.limited.length > 0 && (
            <ul className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sim-limited">
              {r.limited.map((l) => (
                <li key={l.sku}>{t("routing.sim.limited", { sku: l.sku, requested: n(l.requested), available: n(l.available) })}</li>
              ))}
            </ul>
          )}
          {d.kind === "plan" ? (
            <>
              {d.plan.shipments.length === 0 ? (
                <p className="text-sm text-slate-500">{t("routing.sim.nothingShips")}</p>
              ) : (
                <table className="w-full text-sm" data-testid="sim-shipments">
                  <TableHead
                    gap={3}
                    columns={[
                      { label: t("routing.sim.col.location") },
                      { label: t("routing.sim.col.lines") },
                      { label: t("routing.sim.col.km"), align: "right" },
                      { label: t("routing.sim.col.cost"), align: "right" },
                    ]}
                  />
                  <tbody>
                    {d.plan.shipments.map((s) => (
                      <tr key={s.locationId} className="border-b border-slate-100 align-top last:border-0" data-code={s.code}>
                        <td className="py-2 pr-3">
                          <span className="font-mono text-xs font-medium">{s.code}</span>
                          <span className="block text-xs text-slate-500">
                            {loc(s.locationId)?.name} · {loc(s.locationId) ? t(`locationType.${loc(s.locationId)!.type as "STORE"}`) : ""}
                          </span>
                        </td>
                        <td className="py-2 pr-3">
                          {s.lines.map((l) => (
                            <span key={l.skuId} className="block font-mono text-xs" data-testid="shipment-line">
                              {sku(l.skuId)} × {n(l.quantity)}
                            </span>
                          ))}
                        </td>
                        <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">{kmText(t, locale, s.km)}</td>
                        <td className="py-2 text-right whitespace-nowrap tabular-nums">{moneyText(t, locale, s.costCents)}</td>
                      </tr>
                    ))}
                    <tr className="border-t border-slate-200 font-medium">
                      <td className="py-2 pr-3" colSpan={3}>
                        {t("routing.sim.total", { count: n(d.plan.shipments.length) })}
                      </td>
                      <td className="py-2 text-right tabular-nums" data-testid="sim-total-cost">
                        {moneyText(t, locale, d.plan.costCents)}
                      </td>
                    </tr>
                  </tbody>
                </table>
              )}
              <div data-testid="sim-backorders">
                <h3 className="text-sm font-medium">{t("routing.sim.backOrdered")}</h3>
                {d.plan.backOrdered.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("routing.sim.noBackOrders")}</p>
                ) : (
                  <ul className="mt-1 space-y-0.5 text-sm text-red-700">
                    {d.plan.backOrdered.map((l) => (
                      <li key={l.skuId} className="font-mono text-xs">
                        {sku(l.skuId)} × {n(l.quantity)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          ) : d.options.length === 0 ? (
            <p className="text-sm text-slate-500">{t("routing.sim.noOptions")}</p>
          ) : (
            <ol className="list-inside list-decimal space-y-1 text-sm" data-testid="sim-pickup-options">
              {d.options.map((o) => (
                <li key={o.locationId} data-code={o.code}>
                  <span className="font-mono text-xs font-medium">{o.code}</span> {loc(o.locationId)?.name} · {kmText(t, locale, o.km)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className={card}>
          <div>
            <h2 className="text-lg font-medium">{t("routing.sim.mapTitle")}</h2>
            <p className="text-sm text-slate-500">{t("routing.sim.mapHint")}</p>
          </div>
          <CandidateMap rows={r.candidates} destination={r.destination} />
        </section>
      </div>

      <section className={card}>
        <RoutingExplanation explanation={d.explanation} strategy={{ code: r.rules.code, versionId: r.rules.versionId }} />
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("routing.sim.candidates", { count: n(r.candidates.length) })}</h2>
          <p className="text-sm text-slate-500">{t(r.fulfilment === "SHIP" ? "routing.sim.candidatesHint" : "routing.sim.candidatesHintPickup")}</p>
        </div>
        <CandidateTable rows={r.candidates} skus={r.skus} rankers={r.fulfilment === "SHIP" ? r.rules.rankers : null} />
      </section>
    </div>
  );
}

const STATUS_TONE: Record<string, string> = {
  winner: "bg-green-50 text-green-700 ring-green-200",
  offered: "bg-green-50 text-green-700 ring-green-200",
  considered: "bg-brand-50 text-brand-700 ring-brand-200",
  notChosen: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** rankers: null for a pickup, where no candidate makes a plan of its own. */
function CandidateTable({ rows, skus, rankers }: { rows: CandidateRow[]; skus: SimulationView["skus"]; rankers: SimulationView["rules"]["rankers"] | null }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("routing.sim.noCandidates")}</p>;
  const perSku = skus.length <= 4;
  const statusText = (s: CandidateRow["status"]) =>
    s === "winner" || s === "offered" || s === "considered" || s === "notChosen" ? t(`routing.sim.status.${s}`) : t("routing.sim.status.filtered", { reason: t(`routing.filter.${s}`) });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="sim-candidates">
        <TableHead
          variant="dense"
          columns={[
            { label: t("routing.sim.col.location") },
            { label: t("routing.sim.col.status") },
            { label: t("routing.sim.col.km"), align: "right" },
            ...(perSku ? skus.map((s) => ({
                  key: `sku-${s.id}`,
                  label: (
                    <>
                      {t("routing.sim.col.atp")}
                      <span className="block font-mono text-[10px] tracking-normal normal-case">{s.code}</span>
                    </>
                  ),
                  align: "right" as const,
                })) : [{ key: "holds", label: t("routing.sim.col.holdsAll") }]),
            ...(rankers
              ? [
                  { label: t("routing.sim.col.fill"), align: "right" as const },
                  ...rankers.map((k, i) => ({ key: `rule-${i}`, label: `${i + 1}. ${ruleName(t, k)}`, align: "right" as const })),
                  { label: t("routing.sim.col.overall"), align: "right" as const },
                ]
              : []),
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.locationId} className={`border-b border-slate-100 last:border-0 ${r.alone ? "" : "text-slate-500"}`} data-code={r.code} data-status={r.status}>
              <td className="px-2 py-1.5 whitespace-nowrap">
                <span className="font-mono text-xs font-medium">{r.code}</span>
                <span className="ml-1.5 text-xs text-slate-500">{t(`locationType.${r.type}`)}</span>
              </td>
              <td className="px-2 py-1.5">
                <span className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ring-1 ring-inset ${STATUS_TONE[r.status] ?? "bg-slate-50 text-slate-500 ring-slate-200"}`} data-testid="candidate-status">
                  {statusText(r.status)}
                </span>
              </td>
              <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums" data-testid="candidate-km">
                {kmText(t, locale, r.km)}
              </td>
              {perSku ? (
                r.atp.map((units, i) => (
                  <td key={i} className={`px-2 py-1.5 text-right tabular-nums ${units >= (skus[i]?.quantity ?? 0) ? "" : "text-amber-700"}`} data-testid="candidate-atp">
                    {n(units)}
                  </td>
                ))
              ) : (
                <td className="px-2 py-1.5">{r.holdsAll ? t("routing.sim.yes") : t("routing.sim.no")}</td>
              )}
              {rankers && (
                <>
                  <td className={`px-2 py-1.5 text-right whitespace-nowrap tabular-nums ${r.alone && r.alone.fill.backOrderedUnits > 0 ? "text-amber-700" : ""}`} title={r.alone ? valueText(t, locale, r.alone.fill) : undefined}>
                    {r.alone ? valueShort(t, locale, r.alone.fill) : "—"}
                  </td>
                  {rankers.map((_, i) => (
                    <td key={i} className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums" title={r.alone ? valueText(t, locale, r.alone.values[i]) : undefined} data-testid="candidate-value">
                      {r.alone ? (
                        <>
                          {valueShort(t, locale, r.alone.values[i])}
                          <span className={`ml-1.5 rounded px-1 text-[11px] font-medium ${r.alone.ranks[i] === 1 ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-600"}`}>#{r.alone.ranks[i]}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  ))}
                  <td className="px-2 py-1.5 text-right font-medium tabular-nums" data-testid="candidate-overall">
                    {r.alone ? `#${r.alone.overall}` : "—"}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
