import type { Metadata } from "next";
import Link from "next/link";
import { LiveDashboard } from "@/components/dashboard/live-dashboard";
import { getDashboard } from "@/lib/server/dashboard";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { scopeName } from "@/lib/server/scope";
import { transfersAwaiting } from "@/lib/server/transfers/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { scope } = await requireSection("dashboard");
  const [{ t }, data, name, awaiting] = await Promise.all([serverTranslator(), getDashboard(scope), scopeName(scope), transfersAwaiting(scope)]);
  const title = scope.kind === "network" ? t("dashboard.title") : t(`dashboard.title.${scope.kind}`, { name: name ?? "" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {awaiting > 0 && (
        <Link href="/transfers" className="inline-block rounded-md bg-amber-50 px-3 py-1.5 text-sm font-medium text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100" data-testid="transfers-awaiting">
          {t(scope.kind === "network" ? "transfers.dashboard.awaitingHq" : "transfers.dashboard.awaiting", { count: awaiting })}
        </Link>
      )}
      <LiveDashboard initial={data} subtitleKey="dashboard.subtitle" />
    </div>
  );
}
