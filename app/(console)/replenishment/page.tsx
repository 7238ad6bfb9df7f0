import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { ReplenishmentFilters } from "@/components/replenishment/filters";
import { ReplenishmentSkeleton } from "@/components/replenishment/skeleton";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";
import { replenishmentLocations, replenishmentOptions, resolveReplenishmentLocation } from "@/lib/server/replenishment/data";
import { hasBlankParams, parseReplenishmentQuery, replenishmentHref, replenishmentSearchParams, type RawParams } from "@/lib/server/replenishment/query";
import { ReplenishmentBody } from "./body";

export const metadata: Metadata = { title: "Replenishment" };

const BASE = "/replenishment";

export default async function ReplenishmentPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { scope } = await requireSection("replenishment");
  const raw = await searchParams;
  const { query, problems } = parseReplenishmentQuery(raw);
  // A GET form sends its empty fields too; answer with the tidy link so a filtered view stays shareable.
  if (problems.length === 0 && hasBlankParams(raw)) redirect(replenishmentHref(BASE, query));

  const fixed = scope.kind === "location";
  const [{ t }, location, locations, options] = await Promise.all([
    serverTranslator(),
    resolveReplenishmentLocation(scope, query.location),
    fixed ? Promise.resolve(null) : replenishmentLocations(scope),
    replenishmentOptions(scope),
  ]);
  // Another store's location (store manager) or an unknown code: not found (a real 404, decided before the page
  // streams), like a section the role cannot open.
  if (!location) notFound();
  const exportParams = replenishmentSearchParams({ ...query, location: location.code }, { page: 1 }).toString();

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("replenishment.title")}</h1>
          <p className="text-sm text-slate-500" data-testid="replenishment-subtitle">
            {t("replenishment.subtitle", { name: `${location.name} (${location.code})` })}
          </p>
        </div>
        <a href={`${BASE}/export?${exportParams}`} download className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="export-csv">
          {t("replenishment.export")}
        </a>
      </div>

      <ReplenishmentFilters base={BASE} query={query} location={location} locations={locations} brands={options.brands} categories={options.categories} t={t} />

      {problems.length > 0 && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" data-testid="param-problems">
          <p className="font-medium">{t("replenishment.problem.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.param}>{t("replenishment.problem.item", { param: p.param, value: p.value, message: p.message })}</li>
            ))}
          </ul>
        </div>
      )}

      <Suspense key={JSON.stringify(query)} fallback={<ReplenishmentSkeleton />}>
        <ReplenishmentBody scope={scope} query={query} location={location} />
      </Suspense>
    </div>
  );
}
