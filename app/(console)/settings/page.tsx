import type { Metadata } from "next";
import { CreateKeyForm } from "@/components/settings/create-key-form";
import { RevokeKeyButton } from "@/components/settings/revoke-key-button";
import { TableHead } from "@/components/table-head";
import { listApiKeys } from "@/lib/server/api/keys";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSection("settings");
  const [{ t, locale }, keys] = await Promise.all([serverTranslator(), listApiKeys()]);
  const when = (d: Date | null) => (d ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d) : t("settings.keys.never"));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 className="text-lg font-medium">{t("settings.keys.title")}</h2>
          <p className="text-sm text-slate-500">{t("settings.keys.intro")}</p>
        </div>
        <CreateKeyForm />
        {keys.length === 0 ? (
          <p className="py-4 text-sm text-slate-500">{t("settings.keys.empty")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="api-keys">
            <TableHead
              gap={3}
              columns={[
                { label: t("settings.keys.col.name") },
                { label: t("settings.keys.col.key") },
                { label: t("settings.keys.col.createdBy") },
                { label: t("settings.keys.col.created") },
                { label: t("settings.keys.col.lastUsed") },
                { label: t("settings.keys.col.status") },
                { key: "actions" },
              ]}
            />
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-3 font-medium">{k.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs text-slate-500">yp_{k.prefix}_…</td>
                  <td className="py-2 pr-3">{k.createdBy}</td>
                  <td className="py-2 pr-3">{when(k.createdAt)}</td>
                  <td className="py-2 pr-3">{when(k.lastUsedAt)}</td>
                  <td className="py-2 pr-3">
                    {k.revokedAt ? (
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-500">{t("settings.keys.revoked")}</span>
                    ) : (
                      <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-700">{t("settings.keys.active")}</span>
                    )}
                  </td>
                  <td className="py-2 text-right">{!k.revokedAt && <RevokeKeyButton id={k.id} name={k.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
