"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createChannelAction, updateChannelAction } from "@/app/(console)/channels/actions";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "../i18n-provider";
import { CodeField, Field } from "../intake/field";
import { SelectField } from "./select-field";

export type ChannelValues = { code: string; name: string; type: string; active: boolean; safetyMargin: string };

/** Create a channel (then open its page), or edit one in place. */
export function ChannelForm({ id, initial, types }: { id?: number; initial: ChannelValues; types: readonly string[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof ChannelValues>(field: K) => (value: ChannelValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
    setMessage(null);
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      try {
        const r = id ? await updateChannelAction({ ...values, id }) : await createChannelAction(values);
        if (!r.ok) {
          setErrors(r.fieldErrors ?? {});
          setMessage({ tone: "error", text: r.fieldErrors ? t("channels.fix") : r.error });
          return;
        }
        setErrors({});
        if (id) {
          setMessage({ tone: "ok", text: t("channels.form.saved") });
          router.refresh();
        } else router.push(`/channels/${r.data.id}`);
      } catch {
        setMessage({ tone: "error", text: t("channels.failed") });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid={id ? "channel-edit-form" : "channel-create-form"}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <CodeField
          label={t("channels.form.code")}
          hint={t("channels.form.codeHint")}
          name="code"
          maxLength={32}
          value={values.code}
          upper
          onChange={set("code")}
          error={errors.code}
        />
        <Field label={t("channels.form.name")} name="name" maxLength={80} value={values.name} onChange={set("name")} error={errors.name} />
        <SelectField label={t("channels.form.type")} name="type" value={values.type} onChange={set("type")} error={errors.type}>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`channelType.${type}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("channels.form.margin")}
          hint={t("channels.form.marginHint")}
          name="safetyMargin"
          inputMode="numeric"
          autoComplete="off"
          value={values.safetyMargin}
          onChange={set("safetyMargin")}
          error={errors.safetyMargin}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            name="active"
            checked={values.active}
            onChange={(e) => set("active")(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
          />
          {t("channels.form.active")}
        </label>
        <p className="text-sm text-slate-500">{t("channels.form.routing")}</p>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {id ? (pending ? t("channels.form.saving") : t("channels.form.save")) : pending ? t("channels.form.creating") : t("channels.form.create")}
        </button>
        {message && (
          <p role="status" className={`text-sm ${message.tone === "ok" ? "text-green-700" : "text-red-600"}`} data-testid="channel-form-message">
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
