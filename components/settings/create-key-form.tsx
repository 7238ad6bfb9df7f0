"use client";
import { useState, useTransition } from "react";
import { createKey } from "@/app/(console)/settings/actions";
import { useI18n } from "../i18n-provider";
import { TextField } from "../text-field";

export function CreateKeyForm() {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();

  return (
    <div className="space-y-3">
      <form
        className="flex items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await createKey({ name });
            if (r.ok) {
              setCreated(r.data.key);
              setCopied(false);
              setName("");
              setError(null);
            } else setError(r.fieldErrors?.name ? `${t("settings.keys.name")}: ${r.fieldErrors.name}` : r.error);
          });
        }}
      >
        <div className="w-72">
          <TextField label={t("settings.keys.name")} name="name" value={name} onChange={setName} placeholder={t("settings.keys.namePlaceholder")} />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("settings.keys.creating") : t("settings.keys.create")}
        </button>
      </form>
      {error && <p className="text-sm text-red-600" data-testid="key-error">{error}</p>}
      {created && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-key">
          <p className="mb-1 font-medium text-amber-900">{t("settings.keys.created")}</p>
          <div className="flex items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-key-value">{created}</code>
            <button
              type="button"
              className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
              onClick={() => navigator.clipboard?.writeText(created).then(() => setCopied(true))}
            >
              {copied ? t("settings.keys.copied") : t("settings.keys.copy")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
