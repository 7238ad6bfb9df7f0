"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { activateDraftAction, discardDraftAction, saveDraftAction } from "@/app/(console)/routing/actions";
import {
  FILTER_KINDS,
  type FilterForm,
  type FilterKind,
  LOCATION_TYPES,
  moveItem,
  newFilter,
  newRanker,
  RANKER_KINDS,
  type RankerForm,
  type RankerKind,
  rulesDiff,
  type RulesForm,
} from "@/lib/routing-ui/rules-form";
import { changeText } from "@/lib/routing-ui/rules-text";
import { useI18n } from "../i18n-provider";
import { Field } from "../intake/field";
import { RulesView } from "./rules-view";
import { type Said, said } from "./said";

type Confirm = "activate" | "discard" | null;
type Message = ({ tone: "ok" | "error" } & Said) | null;

const button = {
  primary: "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50",
  secondary: "rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50",
  danger: "rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50",
  icon: "inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-40",
};
const select = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function ErrorText({ text }: { text?: string }) {
  return text ? (
    <p className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
      {text}
    </p>
  ) : null;
}

/**
 * The strategy editor: max splits, filters with their parameters, and the ranking rules as an ordered list (drag to
 * reorder, or the move buttons from the keyboard). Save draft validates on the server (errors per field); Activate
 * (confirmed) puts the saved draft live; Discard drops it. The active version stays in view with what would change.
 */
export function StrategyEditor({
  strategyId,
  initial,
  initialNote,
  draft,
  active,
  reference,
  locationCodes,
}: {
  strategyId: number;
  initial: RulesForm;
  initialNote: string;
  draft: { version: number } | null;
  active: { version: number; rules: RulesForm } | null;
  /** Without an active version: the rules its channels would route by instead (the default strategy's). */
  reference?: { code: string; version: number; rules: RulesForm } | null;
  locationCodes: string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [form, setForm] = useState<RulesForm>(initial);
  const [note, setNote] = useState(initialNote);
  // What is saved: the form is "changed" against it (the server's copy may word codes differently).
  const [saved, setSaved] = useState(() => JSON.stringify({ form: initial, note: initialNote }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [announce, setAnnounce] = useState("");
  const [drag, setDrag] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [pending, start] = useTransition();
  const focusAfterMove = useRef<{ kind: RankerKind; dir: "up" | "down" } | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());

  const dirty = JSON.stringify({ form, note }) !== saved;
  const ruleName = (kind: RankerKind) => t(`routing.rule.${kind}`);

  useEffect(() => {
    const f = focusAfterMove.current;
    if (!f) return;
    focusAfterMove.current = null;
    const same = moveButtons.current.get(`${f.kind}-${f.dir}`);
    const other = moveButtons.current.get(`${f.kind}-${f.dir === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [form.rankers]);

  function edit(next: RulesForm, clear?: string) {
    setForm(next);
    setMessage(null);
    setConfirm(null);
    if (clear) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(clear))));
  }
  const setFilter = (i: number, f: FilterForm) => edit({ ...form, filters: form.filters.map((x, j) => (j === i ? f : x)) }, `filters.${i}`);
  const setRanker = (i: number, r: RankerForm) => edit({ ...form, rankers: form.rankers.map((x, j) => (j === i ? r : x)) }, `rankers.${i}`);

  // Field errors are keyed by form position: removing or moving items invalidates them, so they are dropped.
  function moveRanker(from: number, to: number, focus?: "up" | "down") {
    if (to < 0 || to >= form.rankers.length || from === to) return;
    const kind = form.rankers[from].kind;
    if (focus) focusAfterMove.current = { kind, dir: focus };
    edit({ ...form, rankers: moveItem(form.rankers, from, to) }, "rankers");
    setAnnounce(t("routing.editor.moved", { rule: ruleName(kind), position: to + 1, count: form.rankers.length }));
  }

  function failed(r: { error: string; fieldErrors?: Record<string, string> }) {
    const fields = Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^rules\./, ""), v]));
    setErrors(fields);
    setMessage(r.fieldErrors ? { tone: "error", key: "routing.editor.fix" } : { tone: "error", text: r.error });
  }

  function save() {
    setConfirm(null);
    start(async () => {
      try {
        const r = await saveDraftAction({ strategyId, note, rules: form });
        if (!r.ok) return failed(r);
        setErrors({});
        setSaved(JSON.stringify({ form, note }));
        setMessage({ tone: "ok", key: "routing.editor.saved", vars: { version: r.data.version } });
        router.refresh();
      } catch {
        setMessage({ tone: "error", key: "routing.failed" });
      }
    });
  }

  function run(action: "activate" | "discard") {
    start(async () => {
      try {
        const r = action === "activate" ? await activateDraftAction({ strategyId }) : await discardDraftAction({ strategyId });
        setConfirm(null);
        if (!r.ok) return setMessage({ tone: "error", text: r.error });
        setErrors({});
        if (action === "discard" && active) {
          setForm(active.rules);
          setNote("");
          setSaved(JSON.stringify({ form: active.rules, note: "" }));
        }
        if (action === "activate") setNote("");
        setMessage(action === "activate" ? { tone: "ok", key: "routing.editor.activated", vars: { version: (r.data as { version: number }).version } } : { tone: "ok", key: "routing.editor.discarded" });
        router.refresh();
      } catch {
        setMessage({ tone: "error", key: "routing.failed" });
      }
    });
  }

  const freeFilters = FILTER_KINDS.filter((k) => !form.filters.some((f) => f.kind === k));
  const freeRankers = RANKER_KINDS.filter((k) => !form.rankers.some((r) => r.kind === k));
  const base = active ?? reference ?? null;
  const changes = base ? rulesDiff(base.rules, form) : null;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        className="space-y-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        data-testid="strategy-editor"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-medium">{draft ? t("routing.editor.titleDraft", { version: draft.version }) : t("routing.editor.titleNew")}</h2>
          {dirty && (
            <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset" data-testid="unsaved">
              {t("routing.editor.unsaved")}
            </span>
          )}
        </div>
        {!draft && <p className="-mt-4 text-sm text-slate-500">{t("routing.editor.fromActive")}</p>}

        <Field
          label={t("routing.editor.maxSplits")}
          hint={t("routing.editor.maxSplitsHint")}
          name="maxSplits"
          inputMode="numeric"
          autoComplete="off"
          className="max-w-xs"
          value={form.maxSplits}
          onChange={(v) => edit({ ...form, maxSplits: v }, "maxSplits")}
          error={errors.maxSplits}
        />

        <fieldset className="space-y-3" data-testid="filters">
          <legend className="text-sm font-medium text-slate-700">{t("routing.editor.filters")}</legend>
          <p className="text-xs text-slate-500">{t("routing.editor.filtersHint")}</p>
          {form.filters.length === 0 && <p className="text-sm text-slate-500">{t("routing.editor.noFilters")}</p>}
          <ul className="space-y-2">
            {form.filters.map((f, i) => (
              <li key={`${f.kind}-${i}`} className="rounded-lg border border-slate-200 px-3 py-2" data-testid="filter" data-kind={f.kind}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium">{t(`routing.filter.${f.kind}`)}</p>
                    <p className="text-xs text-slate-500">{t(`routing.editor.filterHint.${f.kind}`)}</p>
                    <FilterParams filter={f} index={i} error={(k) => errors[`filters.${i}.${k}`] ?? errors[`filters.${i}`]} onChange={(next) => setFilter(i, next)} codes={locationCodes} />
                  </div>
                  <button
                    type="button"
                    className={button.icon}
                    aria-label={t("routing.editor.removeFilter", { filter: t(`routing.filter.${f.kind}`) })}
                    title={t("routing.editor.remove")}
                    onClick={() => edit({ ...form, filters: form.filters.filter((_, j) => j !== i) }, "filters")}
                  >
                    ×
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {freeFilters.length > 0 && (
            <AddPicker
              label={t("routing.editor.addFilter")}
              options={freeFilters.map((k) => ({ value: k, label: t(`routing.filter.${k}`) }))}
              onAdd={(k) => edit({ ...form, filters: [...form.filters, newFilter(k as FilterKind)] })}
              testId="add-filter"
            />
          )}
          <ErrorText text={errors.filters} />
        </fieldset>

        <fieldset className="space-y-3" data-testid="rankers">
          <legend className="text-sm font-medium text-slate-700">{t("routing.editor.rankers")}</legend>
          <p className="text-xs text-slate-500">{t("routing.editor.rankersHint")}</p>
          <ol className="space-y-2" aria-describedby="ranker-reorder-hint">
            {form.rankers.map((r, i) => {
              const name = ruleName(r.kind);
              const target = over === i && drag !== null && drag !== i;
              return (
                <li
                  key={r.kind}
                  draggable
                  onDragStart={(e) => {
                    setDrag(i);
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", String(i));
                  }}
                  onDragOver={(e) => {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = "move";
                    if (over !== i) setOver(i);
                  }}
                  onDragLeave={() => setOver((o) => (o === i ? null : o))}
                  onDrop={(e) => {
                    e.preventDefault();
                    const from = drag ?? Number(e.dataTransfer.getData("text/plain"));
                    setDrag(null);
                    setOver(null);
                    if (Number.isInteger(from)) moveRanker(from, i);
                  }}
                  onDragEnd={() => {
                    setDrag(null);
                    setOver(null);
                  }}
                  className={`flex items-start gap-3 rounded-lg border bg-white px-3 py-2 ${target ? "border-brand-500 ring-2 ring-brand-100" : "border-slate-200"} ${drag === i ? "opacity-50" : ""}`}
                  data-testid="ranker"
                  data-kind={r.kind}
                >
                  <span aria-hidden className="mt-1 cursor-grab text-slate-400 select-none" title={t("routing.editor.dragHint")}>
                    ⠿
                  </span>
                  <span className="mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700" data-testid="ranker-position">
                    {i + 1}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium">{name}</p>
                    <p className="text-xs text-slate-500">{t(`routing.editor.rankerHint.${r.kind}`)}</p>
                    <RankerParams ranker={r} error={errors[`rankers.${i}.codes`] ?? errors[`rankers.${i}`]} onChange={(next) => setRanker(i, next)} codes={locationCodes} />
                  </div>
                  <div className="flex shrink-0 gap-1">
                    <button
                      type="button"
                      className={button.icon}
                      disabled={i === 0}
                      aria-label={t("routing.editor.moveUp", { rule: name })}
                      title={t("routing.editor.moveUp", { rule: name })}
                      ref={(el) => {
                        if (el) moveButtons.current.set(`${r.kind}-up`, el);
                        else moveButtons.current.delete(`${r.kind}-up`);
                      }}
                      onClick={() => moveRanker(i, i - 1, "up")}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className={button.icon}
                      disabled={i === form.rankers.length - 1}
                      aria-label={t("routing.editor.moveDown", { rule: name })}
                      title={t("routing.editor.moveDown", { rule: name })}
                      ref={(el) => {
                        if (el) moveButtons.current.set(`${r.kind}-down`, el);
                        else moveButtons.current.delete(`${r.kind}-down`);
                      }}
                      onClick={() => moveRanker(i, i + 1, "down")}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className={button.icon}
                      aria-label={t("routing.editor.removeRanker", { rule: name })}
                      title={t("routing.editor.remove")}
                      onClick={() => edit({ ...form, rankers: form.rankers.filter((_, j) => j !== i) }, "rankers")}
                    >
                      ×
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <p id="ranker-reorder-hint" className="text-xs text-slate-500">
            {t("routing.editor.reorderHint")}
          </p>
          <p className="sr-only" aria-live="polite" data-testid="reorder-announcement">
            {announce}
          </p>
          {freeRankers.length > 0 && (
            <AddPicker
              label={t("routing.editor.addRanker")}
              options={freeRankers.map((k) => ({ value: k, label: ruleName(k) }))}
              onAdd={(k) => edit({ ...form, rankers: [...form.rankers, newRanker(k as RankerKind)] }, "rankers")}
              testId="add-ranker"
            />
          )}
          <ErrorText text={errors.rankers} />
        </fieldset>

        <Field
          label={t("routing.editor.note")}
          hint={t("routing.editor.noteHint")}
          name="note"
          maxLength={200}
          autoComplete="off"
          value={note}
          onChange={(v) => {
            setNote(v);
            setMessage(null);
          }}
          error={errors.note}
        />

        <div className="space-y-3 border-t border-slate-100 pt-4">
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={pending} className={button.primary}>
              {pending && confirm === null ? t("routing.editor.saving") : t("routing.editor.save")}
            </button>
            <button type="button" disabled={pending || !draft || dirty} className={button.secondary} onClick={() => setConfirm("activate")} data-testid="activate">
              {t("routing.editor.activate")}
            </button>
            <button type="button" disabled={pending || !draft} className={button.danger} onClick={() => setConfirm("discard")}>
              {t("routing.editor.discard")}
            </button>
            {message && (
              <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "ok" ? "text-green-700" : "text-red-600"}`} data-testid="editor-message">
                {said(t, message)}
              </p>
            )}
          </div>
          {draft && dirty && <p className="text-xs text-slate-500">{t("routing.editor.saveFirst")}</p>}
          {confirm && (
            <div
              role="alertdialog"
              aria-labelledby="routing-confirm-text"
              className={`flex flex-wrap items-center gap-3 rounded-lg border p-3 text-sm ${confirm === "activate" ? "border-brand-200 bg-brand-50" : "border-red-200 bg-red-50"}`}
              data-testid="confirm"
            >
              <p id="routing-confirm-text" className="flex-1">
                {confirm === "activate" ? t("routing.editor.confirmActivate", { version: draft?.version ?? "" }) : t("routing.editor.confirmDiscard", { version: draft?.version ?? "" })}
              </p>
              <button type="button" disabled={pending} className={confirm === "activate" ? button.primary : button.danger} onClick={() => run(confirm)}>
                {pending ? t("routing.editor.working") : confirm === "activate" ? t("routing.editor.confirmActivateButton") : t("routing.editor.confirmDiscardButton")}
              </button>
              <button type="button" disabled={pending} className="rounded-md px-3 py-2 text-slate-600 hover:bg-white" onClick={() => setConfirm(null)}>
                {t("routing.editor.cancel")}
              </button>
            </div>
          )}
        </div>
      </form>

      <aside className="space-y-6">
        <section className="space-y-3 rounded-xl border border-slate-200 bg-slate-50/60 p-5" data-testid="active-rules">
          <h2 className="text-lg font-medium">{active ? t("routing.editor.activeTitle", { version: active.version }) : t("routing.editor.noActiveTitle")}</h2>
          {!active && <p className="text-sm text-slate-500">{t("routing.editor.noActive")}</p>}
          {!active && reference && <p className="text-sm font-medium text-slate-700">{t("routing.editor.reference", { code: reference.code, version: reference.version })}</p>}
          {base && <RulesView rules={base.rules} />}
        </section>
        {changes && (
          <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="changes">
            <h2 className="text-lg font-medium">{active ? t("routing.editor.changesTitle") : t("routing.editor.changesFromReference")}</h2>
            {changes.length === 0 ? (
              <p className="text-sm text-slate-500">{active ? t("routing.editor.noChanges") : t("routing.editor.noChangesFromReference")}</p>
            ) : (
              <ul className="list-outside list-disc space-y-1 pl-5 text-sm">
                {changes.map((c, i) => (
                  <li key={i} data-change={c.kind}>
                    {changeText(t, c)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </aside>
    </div>
  );
}

function AddPicker({ label, options, onAdd, testId }: { label: string; options: { value: string; label: string }[]; onAdd: (value: string) => void; testId: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState(options[0]?.value ?? "");
  const current = options.some((o) => o.value === value) ? value : (options[0]?.value ?? "");
  return (
    <div className="flex flex-wrap items-end gap-2" data-testid={testId}>
      <label className="text-sm text-slate-700">
        {label}
        <select className={`${select} w-56`} value={current} onChange={(e) => setValue(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50" onClick={() => current && onAdd(current)}>
        {t("routing.editor.add")}
      </button>
    </div>
  );
}

function CodesField({ label, value, onChange, error, codes }: { label: string; value: string; onChange: (v: string) => void; error?: string; codes: string[] }) {
  const { t } = useI18n();
  return (
    <Field
      label={label}
      hint={t("routing.editor.codesHint", { example: codes.slice(0, 2).join(", ") })}
      autoComplete="off"
      spellCheck={false}
      className="mt-2 max-w-xl"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

function FilterParams({ filter: f, error, onChange, codes }: { filter: FilterForm; index: number; error: (field: string) => string | undefined; onChange: (f: FilterForm) => void; codes: string[] }) {
  const { t } = useI18n();
  switch (f.kind) {
    case "locationType":
      return (
        <div className="mt-2">
          <div className="flex flex-wrap gap-x-4 gap-y-1" role="group" aria-label={t("routing.filter.locationType")}>
            {LOCATION_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-brand-600"
                  checked={f.types.includes(type)}
                  onChange={(e) => onChange({ ...f, types: LOCATION_TYPES.filter((x) => (x === type ? e.target.checked : f.types.includes(x))) })}
                />
                {t(`locationType.${type}`)}
              </label>
            ))}
          </div>
          <ErrorText text={error("types")} />
        </div>
      );
    case "minAtpMargin":
      return (
        <Field
          label={t("routing.editor.marginUnits")}
          inputMode="numeric"
          autoComplete="off"
          className="mt-2 max-w-xs"
          value={f.units}
          onChange={(units) => onChange({ ...f, units })}
          error={error("units")}
        />
      );
    case "exclude":
      return <CodesField label={t("routing.editor.excludeCodes")} value={f.codes} onChange={(c) => onChange({ ...f, codes: c })} error={error("codes")} codes={codes} />;
    default:
      return null;
  }
}

function RankerParams({ ranker: r, error, onChange, codes }: { ranker: RankerForm; error?: string; onChange: (r: RankerForm) => void; codes: string[] }) {
  const { t } = useI18n();
  switch (r.kind) {
    case "nearest":
      return (
        <label className="mt-2 block text-sm text-slate-700">
          {t("routing.editor.measure")}
          <select className={`${select} w-72`} value={r.measure} onChange={(e) => onChange({ ...r, measure: e.target.value as "weighted" | "max" })}>
            <option value="weighted">{t("routing.measure.weighted")}</option>
            <option value="max">{t("routing.measure.max")}</option>
          </select>
        </label>
      );
    case "designated":
      return <CodesField label={t("routing.editor.designatedCodes")} value={r.codes} onChange={(c) => onChange({ ...r, codes: c })} error={error} codes={codes} />;
    default:
      return error ? <ErrorText text={error} /> : null;
  }
}
