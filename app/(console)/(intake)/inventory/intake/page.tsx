import type { Metadata } from "next";
import { IntakeTabs } from "@/components/intake/intake-tabs";
import { intakeLocations } from "@/lib/server/intake/adjust";
import { requireHqPage } from "@/lib/server/intake/permissions";
import { serverTranslator } from "@/lib/server/i18n";
import { adjustAction, applyImportAction, lookupAction, validateChunkAction } from "./actions";

// In the (intake) route group, outside inventory/loading.tsx: under that Suspense boundary the response
// starts streaming with status 200 before notFound() runs, so other roles would not get a real 404.

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverTranslator();
  return { title: t("intake.title") };
}

export default async function IntakePage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const { user } = await requireHqPage();
  const [{ t }, locations, { tab }] = await Promise.all([serverTranslator(), intakeLocations(user), searchParams]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("intake.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-500">{t("intake.subtitle")}</p>
      </div>
      <IntakeTabs
        initialTab={tab === "csv" ? "csv" : "adjust"}
        locations={locations}
        actions={{ adjust: adjustAction, lookup: lookupAction, validateChunk: validateChunkAction, apply: applyImportAction }}
      />
    </div>
  );
}
