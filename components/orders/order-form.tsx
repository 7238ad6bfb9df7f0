"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type PickupStore, pickupStoresAction, placeOrderAction } from "@/app/(console)/orders/actions";
import { formatNumber } from "@/lib/i18n";
import { formField, lineField, type OrderFormValues, type Problem, type Problems, refusalProblems, toOrderRequest } from "@/lib/orders-ui/order-form";
import { useI18n } from "../i18n-provider";
import { CodeField, Field } from "../intake/field";
import { SelectField } from "../channels/select-field";

export type CityOption = { code: string; name: string; nameZh: string; province: string; provinceZh: string; lat: number; lng: number };

const input =
  "block w-full rounded-md border px-3 py-2 shadow-sm focus:ring-2 focus:outline-none";
const ok = "border-slate-300 focus:border-brand-500 focus:ring-brand-100";
const bad = "border-red-400 focus:border-red-500 focus:ring-red-100";

/**
 * HQ places an order in the console through the same intake as a channel's API: routed by the channel's
 * strategy under its available-to-sell, reserved, recorded. A pickup first asks for the nearest stores that can
 * hand over everything. `idempotencyKey` is fixed for this form, so a double submission places one order.
 */
export function OrderForm({
  channels,
  stores,
  cities,
  orderNo,
  idempotencyKey,
}: {
  channels: { id: number; code: string; name: string }[];
  stores: { code: string; name: string; city: string }[];
  cities: CityOption[];
  orderNo: string;
  idempotencyKey: string;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const first = cities[0];
  const [cityCode, setCityCode] = useState(first?.code ?? "");
  const [values, setValues] = useState<OrderFormValues>({
    channelId: channels[0] ? String(channels[0].id) : "",
    orderNo,
    city: first?.name ?? "",
    province: first?.province ?? "",
    lat: first ? String(first.lat) : "",
    lng: first ? String(first.lng) : "",
    fulfilment: "SHIP",
    pickupStore: "",
    sellingStore: "",
    allowBackorder: false,
    lines: [{ sku: "", quantity: "1" }],
  });
  // The first key this form got: a re-render of the page (a language switch) must not change it.
  const [key] = useState(idempotencyKey);
  const [problems, setProblems] = useState<Problems>({});
  // Kept as a key (or server text) so a language switch re-renders it in the new language.
  const [message, setMessage] = useState<Problem | null>(null);
  const [options, setOptions] = useState<PickupStore[] | null>(null);
  const [finding, startFinding] = useTransition();
  const [placing, startPlacing] = useTransition();

  const text = (p: Problem | undefined) => {
    if (!p) return undefined;
    if (!("key" in p)) return p.text;
    const vars = p.vars && Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, typeof v === "number" ? formatNumber(locale, v) : v]));
    return t(p.key, vars);
  };
  const n = (v: number, digits = 0) => formatNumber(locale, v, digits);

  /** Changes that alter which stores can hand over the order forget the stores found so far. */
  function change(patch: Partial<OrderFormValues>, fields: string[], affectsPickup = false) {
    setValues((v) => ({ ...v, ...patch, ...(affectsPickup ? { pickupStore: "" } : {}) }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !fields.includes(k) && !(affectsPickup && k === "pickupStore"))));
    setMessage(null);
    if (affectsPickup) setOptions(null);
  }
  const setLine = (i: number, part: "sku" | "quantity", value: string) =>
    change({ lines: values.lines.map((l, j) => (j === i ? { ...l, [part]: value } : l)) }, [lineField(i, part)], true);

  function chooseCity(code: string) {
    setCityCode(code);
    const c = cities.find((x) => x.code === code);
    if (c) change({ city: c.name, province: c.province, lat: String(c.lat), lng: String(c.lng) }, ["city", "lat", "lng"], true);
  }

  function findStores() {
    const built = toOrderRequest({ ...values, fulfilment: "SHIP", pickupStore: "" });
    if (!built.ok) {
      setProblems(built.problems);
      setMessage({ key: "orders.form.fix" });
      return;
    }
    setMessage(null);
    startFinding(async () => {
      try {
        const r = await pickupStoresAction({ channelId: Number(values.channelId), lat: built.request.destination.lat, lng: built.request.destination.lng, lines: built.request.lines });
        if (!r.ok) {
          setMessage({ text: r.error });
          return;
        }
        if ("unknown" in r.data) {
          setProblems(Object.fromEntries(r.data.unknown.map((u) => [lineField(built.lines[u.index], "sku"), { key: "orders.form.error.unknownSku", vars: { code: u.code } }])));
          setMessage({ key: "orders.form.fix" });
          return;
        }
        setOptions(r.data.stores);
        if (r.data.stores[0]) change({ pickupStore: r.data.stores[0].code }, ["pickupStore"]);
      } catch {
        setMessage({ key: "orders.failed" });
      }
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const built = toOrderRequest(values);
    if (!built.ok) {
      setProblems(built.problems);
      setMessage({ key: "orders.form.fix" });
      return;
    }
    setProblems({});
    setMessage(null);
    startPlacing(async () => {
      try {
        const r = await placeOrderAction({ key, channelId: Number(values.channelId), order: built.request });
        if (!r.ok) {
          const fields = Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([path, text]) => [formField(path, built.lines), { text }]));
          setProblems(fields);
          setMessage(r.fieldErrors ? { key: "orders.form.fix" } : { text: r.error });
          return;
        }
        if (r.data.placed) {
          router.push(`/orders/${r.data.orderId}`);
          return;
        }
        const refusal = r.data.refusal;
        setProblems(refusalProblems(refusal, built.request, built.lines));
        setMessage(
          refusal.code === "out_of_stock" ? { key: "orders.form.refused.outOfStock" }
          : refusal.code === "unknown_code" ? { key: "orders.form.refused.unknownCode" }
          : refusal.code === "duplicate_order" ? { key: "orders.form.refused.duplicate" }
          : refusal.code === "stock_moving" ? { key: "orders.form.refused.stockMoving" }
          : refusal.code === "retry" || refusal.code === "idempotency_key_reused" ? { key: "orders.form.refused.retry" }
          : { text: refusal.message },
        );
      } catch {
        setMessage({ key: "orders.failed" });
      }
    });
  }

  const pickup = values.fulfilment === "PICKUP";
  const chosenCity = cities.find((c) => c.code === cityCode);
  const provinceLabel = chosenCity ? (locale === "zh-CN" ? chosenCity.provinceZh : chosenCity.province) : values.province;
  const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";

  return (
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="order-form">
      <section className={card}>
        <h2 className="text-lg font-medium">{t("orders.form.order")}</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField label={t("orders.form.channel")} name="channel" value={values.channelId} onChange={(v) => change({ channelId: v }, ["channel"], true)} error={text(problems.channel)}>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} · {c.name}
              </option>
            ))}
          </SelectField>
          <CodeField
            label={t("orders.form.orderNo")}
            hint={t("orders.form.orderNoHint")}
            name="orderNo"
            maxLength={64}
            value={values.orderNo}
            onChange={(v) => change({ orderNo: v }, ["orderNo"])}
            error={text(problems.orderNo)}
          />
          <div>
            <CodeField
              label={t("orders.form.sellingStore")}
              hint={t("orders.form.sellingStoreHint")}
              name="sellingStore"
              list="order-form-stores"
              maxLength={64}
              value={values.sellingStore}
              onChange={(v) => change({ sellingStore: v.toUpperCase() }, ["sellingStore"])}
              error={text(problems.sellingStore)}
            />
            <datalist id="order-form-stores">
              {stores.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </datalist>
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("orders.form.fulfilment")}</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {(["SHIP", "PICKUP"] as const).map((f) => (
              <label key={f} className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm ${values.fulfilment === f ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}>
                <input type="radio" name="fulfilment" value={f} checked={values.fulfilment === f} onChange={() => change({ fulfilment: f, pickupStore: "" }, ["pickupStore"])} className="mt-0.5 accent-brand-600" />
                <span>
                  <span className="block font-medium">{t(`orders.fulfilment.${f}`)}</span>
                  <span className="block text-xs text-slate-500">{t(`orders.form.fulfilmentHint.${f}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="allowBackorder" checked={values.allowBackorder} onChange={(e) => change({ allowBackorder: e.target.checked }, [])} className="h-4 w-4 rounded border-slate-300 accent-brand-600" />
          {t("orders.form.allowBackorder")}
        </label>
      </section>

      <section className={card}>
        <div>
          <h2 className="text-lg font-medium">{t("orders.form.destination")}</h2>
          <p className="text-sm text-slate-500">{t("orders.form.destinationHint")}</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label={t("orders.form.city")} name="city" value={cityCode} onChange={chooseCity} error={text(problems.city)} hint={provinceLabel}>
            {cities.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === "zh-CN" ? c.nameZh : c.name}
              </option>
            ))}
          </SelectField>
          <Field label={t("orders.form.lat")} name="lat" inputMode="decimal" autoComplete="off" value={values.lat} onChange={(v) => change({ lat: v }, ["lat"], true)} error={text(problems.lat)} />
          <Field label={t("orders.form.lng")} name="lng" inputMode="decimal" autoComplete="off" value={values.lng} onChange={(v) => change({ lng: v }, ["lng"], true)} error={text(problems.lng)} />
        </div>
      </section>

      <section className={card}>
        <h2 className="text-lg font-medium">{t("orders.form.lines")}</h2>
        <table className="w-full max-w-2xl text-sm" data-testid="order-lines">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-500 uppercase">
              <th className="w-10 py-2 pr-3 font-medium">#</th>
              <th className="py-2 pr-3 font-medium">{t("orders.form.sku")}</th>
              <th className="w-36 py-2 pr-3 font-medium">{t("orders.form.quantity")}</th>
              <th className="w-20 py-2" />
            </tr>
          </thead>
          <tbody>
            {values.lines.map((l, i) => {
              const skuError = text(problems[lineField(i, "sku")]);
              const qtyError = text(problems[lineField(i, "quantity")]);
              return (
                <tr key={i} className="align-top" data-testid="order-line">
                  <td className="py-2 pr-3 pt-4 text-slate-500 tabular-nums">{i + 1}</td>
                  <td className="py-2 pr-3">
                    <input
                      aria-label={t("orders.form.skuN", { n: i + 1 })}
                      aria-invalid={skuError ? true : undefined}
                      value={l.sku}
                      autoComplete="off"
                      spellCheck={false}
                      maxLength={64}
                      onChange={(e) => setLine(i, "sku", e.target.value.trim())}
                      className={`${input} font-mono text-sm ${skuError ? bad : ok}`}
                    />
                    {skuError && <p className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">{skuError}</p>}
                  </td>
                  <td className="py-2 pr-3">
                    <input
                      aria-label={t("orders.form.quantityN", { n: i + 1 })}
                      aria-invalid={qtyError ? true : undefined}
                      value={l.quantity}
                      inputMode="numeric"
                      autoComplete="off"
                      onChange={(e) => setLine(i, "quantity", e.target.value.trim())}
                      className={`${input} text-right tabular-nums ${qtyError ? bad : ok}`}
                    />
                    {qtyError && <p className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">{qtyError}</p>}
                  </td>
                  <td className="py-2 pt-3 text-right">
                    {values.lines.length > 1 && (
                      <button
                        type="button"
                        className="rounded px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                        onClick={() => change({ lines: values.lines.filter((_, j) => j !== i) }, Object.keys(problems).filter((k) => k.startsWith("lines.")), true)}
                      >
                        {t("orders.form.removeLine")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {values.lines.length < 100 && (
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            onClick={() => change({ lines: [...values.lines, { sku: "", quantity: "1" }] }, [], true)}
          >
            + {t("orders.form.addLine")}
          </button>
        )}
      </section>

      {pickup && (
        <section className={card} data-testid="pickup-section">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 className="text-lg font-medium">{t("orders.form.pickupStore")}</h2>
              <p className="text-sm text-slate-500">{t("orders.form.pickupHint")}</p>
            </div>
            <button type="button" disabled={finding} onClick={findStores} className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
              {finding ? t("orders.form.finding") : t("orders.form.findStores")}
            </button>
          </div>
          {options && options.length === 0 && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="no-pickup-store">{t("orders.form.noStores")}</p>
          )}
          {options && options.length > 0 && (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="pickup-options">
              {options.map((s, i) => (
                <li key={s.code}>
                  <label className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${values.pickupStore === s.code ? "bg-brand-50" : "hover:bg-slate-50"}`}>
                    <input type="radio" name="pickupStore" value={s.code} checked={values.pickupStore === s.code} onChange={() => change({ pickupStore: s.code }, ["pickupStore"])} className="accent-brand-600" />
                    <span className="font-mono text-xs font-medium">{s.code}</span>
                    <span className="flex-1">
                      {s.name} <span className="text-slate-500">· {s.city}</span>
                    </span>
                    {i === 0 && <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-700">{t("orders.form.nearest")}</span>}
                    <span className="w-24 text-right text-slate-600 tabular-nums">{t("orders.km", { km: n(s.km, 1) })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {problems.pickupStore && <p className="text-xs font-medium text-red-600" data-testid="field-error">{text(problems.pickupStore)}</p>}
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={placing} className="rounded-md bg-brand-600 px-5 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {placing ? t("orders.form.placing") : t("orders.form.place")}
        </button>
        {message && (
          <p role="alert" className="text-sm text-red-600" data-testid="order-form-message">
            {text(message)}
          </p>
        )}
      </div>
    </form>
  );
}
