"use client";
import { useState, useTransition } from "react";
import { createKeyAction, revokeKeyAction, rotateKeyAction } from "@/app/(console)/channels/actions";
import { useI18n } from "../i18n-provider";
import { TextField } from "../text-field";
import { TableHead } from "@/components/table-head";

/** A key as listed; times arrive formatted by the page (so server and browser agree). */
export type KeyRow = { id: number; name: string; prefix: string; createdBy: string; created: string; lastUsed: string | null; revoked: boolean };

/** The channel's API keys: create one (shown once), rotate (new key shown once, old revoked) or revoke. */
export function ChannelKeys({ channelId, keys }: { channelId: number; keys: KeyRow[] }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ key: string; name: string; prefix: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState<number | "create" | null>(null);
  const [, start] = useTransition();

  function run(which: number | "create", work: () => Promise<void>) {
    setBusy(which);
    setError(null);
    start(async () => {
      try {
        await work();
      } catch {
        setError(t("channels.failed"));
      } finally {
        setBusy(null);
      }
    });
  }

  const reveal = (key: string, keyName: string, prefix: string) => {
    setShown({ key, name: keyName, prefix });
    setCopied(false);
  };
  // A key revoked since it was shown is of no use any more: stop showing it.
  const showing = shown && !keys.some((k) => k.prefix === shown.prefix && k.revoked) ? shown : null;

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run("create", async () => {
            const r = await createKeyAction({ channelId, name });
            if (!r.ok) return setError(r.fieldErrors?.name ? `${t("channels.keys.name")}: ${r.fieldErrors.name}` : r.error);
            reveal(r.data.key, name.trim(), r.data.prefix);
            setName("");
          });
        }}
      >
        <div className="w-72">
          <TextField label={t("channels.keys.name")} name="keyName" value={name} onChange={setName} placeholder={t("channels.keys.namePlaceholder")} />
        </div>
        <button
          type="submit"
          disabled={busy !== null}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {busy === "create" ? t("channels.keys.creating") : t("channels.keys.create")}
        </button>
      </form>
      {error && (
        <p className="text-sm text-red-600" role="alert" data-testid="key-error">
          {error}
        </p>
      )}
      {showing && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-key" role="status">
          <p className="mb-1 font-medium text-amber-900">
            {showing.name} · {t("channels.keys.shownOnce")}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all" data-testid="new-key-value">
              {showing.key}
            </code>
            <button
              type="button"
              className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
              onClick={() => navigator.clipboard?.writeText(showing.key).then(() => setCopied(true))}
            >
              {copied ? t("channels.keys.copied") : t("channels.keys.copy")}
            </button>
          </div>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="py-2 text-sm text-slate-500">{t("channels.keys.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="channel-keys">
            <TableHead
              gap={3}
              columns={[
                { label: t("channels.keys.col.name") },
                { label: t("channels.keys.col.key") },
                { label: t("channels.keys.col.createdBy") },
                { label: t("channels.keys.col.created") },
                { label: t("channels.keys.col.lastUsed") },
                { label: t("channels.keys.col.status") },
                { key: "actions" },
              ]}
            />
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-slate-100 last:border-0" data-key-prefix={k.prefix}>
                  <td className="py-2 pr-3 font-medium">{k.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs text-slate-500">yp_{k.prefix}_…</td>
                  <td className="py-2 pr-3">{k.createdBy}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{k.created}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{k.lastUsed ?? t("channels.keys.never")}</td>
                  <td className="py-2 pr-3">
                    {k.revoked ? (
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-500">{t("channels.keys.revoked")}</span>
                    ) : (
                      <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-700">{t("channels.keys.active")}</span>
                    )}
                  </td>
                  <td className="py-2 text-right whitespace-nowrap">
                    {!k.revoked &&
                      (busy === k.id ? (
                        <span className="px-2 text-sm text-slate-500">{t("channels.keys.working")}</span>
                      ) : (
                        <>
                          <button
                            type="button"
                            disabled={busy !== null}
                            className="rounded px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50"
                            onClick={() => {
                              if (!window.confirm(t("channels.keys.confirmRotate", { name: k.name }))) return;
                              run(k.id, async () => {
                                const r = await rotateKeyAction({ channelId, keyId: k.id });
                                if (r.ok) reveal(r.data.key, k.name, r.data.prefix);
                                else setError(r.error);
                              });
                            }}
                          >
                            {t("channels.keys.rotate")}
                          </button>
                          <button
                            type="button"
                            disabled={busy !== null}
                            className="rounded px-2 py-1 text-sm text-red-600 hover:bg-red-50 disabled:opacity-50"
                            onClick={() => {
                              if (!window.confirm(t("channels.keys.confirmRevoke", { name: k.name }))) return;
                              run(k.id, async () => {
                                const r = await revokeKeyAction({ channelId, keyId: k.id });
                                if (!r.ok) setError(r.error);
                              });
                            }}
                          >
                            {t("channels.keys.revoke")}
                          </button>
                        </>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
