"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createStrategyAction } from "@/app/(console)/routing/actions";
import { useI18n } from "../i18n-provider";
import { CodeField, Field } from "../intake/field";
import { type Said, said } from "./said";

/** A new strategy (its first draft copies the default strategy's active rules); then its editor opens. */
export function CreateStrategyForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState({ code: "", name: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Said | null>(null);
  const [pending, start] = useTransition();
  const set = (field: "code" | "name") => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
    setMessage(null);
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      try {
        const r = await createStrategyAction(values);
        if (!r.ok) {
          setErrors(r.fieldErrors ?? {});
          setMessage(r.fieldErrors ? { key: "routing.editor.fix" } : { text: r.error });
          return;
        }
        router.push(`/routing/${r.data.id}`);
      } catch {
        setMessage({ key: "routing.failed" });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="create-strategy">
      <div className="grid gap-4 sm:grid-cols-2 lg:max-w-3xl">
        <CodeField
          label={t("routing.list.code")}
          hint={t("routing.list.codeHint")}
          name="code"
          maxLength={32}
          value={values.code}
          upper
          onChange={set("code")}
          error={errors.code}
        />
        <Field label={t("routing.list.name")} name="name" maxLength={80} autoComplete="off" value={values.name} onChange={set("name")} error={errors.name} />
      </div>
      <p className="text-xs text-slate-500">{t("routing.list.createHint")}</p>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("routing.list.creating") : t("routing.list.create")}
        </button>
        {message && (
          <p role="alert" className="text-sm text-red-600">
            {said(t, message)}
          </p>
        )}
      </div>
    </form>
  );
}
