import type { Metadata } from "next";
import { LiveDashboard } from "@/components/dashboard/live-dashboard";
import { getDashboard } from "@/lib/server/dashboard";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { scopeName } from "@/lib/server/scope";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { scope } = await requireSection("dashboard");
  const [{ t }, data, name] = await Promise.all([serverTranslator(), getDashboard(scope), scopeName(scope)]);
  const title = scope.kind === "network" ? t("dashboard.title") : t(`dashboard.title.${scope.kind}`, { name: name ?? "" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <LiveDashboard initial={data} subtitleKey="dashboard.subtitle" />
    </div>
  );
}
