// The inventory grid, rendered by two routes: /inventory (with a loading state while it streams) and
// /inventory/plain (no loading boundary). Next streams a page behind its loading.tsx and swaps it in with
// JavaScript, so a browser without JavaScript would show the skeleton forever (vercel/next.js#50150); the
// plain route renders in one piece and keeps every link and the GET form on itself.
import Link from "next/link";
import { redirect } from "next/navigation";
import { GridFilters } from "@/components/inventory/grid-filters";
import { GridPagination } from "@/components/inventory/grid-pagination";
import { GridTable } from "@/components/inventory/grid-table";
import { canIntake } from "@/lib/intake/access";
import { COUNT_CAP, gridHref, gridSearchParams, hasBlankParams, hasFilters, parseGridQuery, type ParamProblem } from "@/lib/inventory/grid-query";
import { formatNumber, type MessageKey } from "@/lib/i18n";
import { getGridOptions, getInventoryGrid } from "@/lib/server/inventory/grid";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function InventoryGrid({ searchParams, base }: { searchParams: SearchParams; base: "/inventory" | "/inventory/plain" }) {
  const { user, scope } = await requireSection("inventory");
  const raw = await searchParams;
  const { query, problems } = parseGridQuery(raw);
  // A GET form sends its empty fields too; answer with the tidy link so a filtered view stays shareable.
  if (problems.length === 0 && hasBlankParams(raw)) redirect(gridHref(base, query));

  const [{ t, locale }, page, options] = await Promise.all([serverTranslator(), getInventoryGrid(scope, query), getGridOptions(scope)]);
  const num = (v: number) => formatNumber(locale, v);
  const filtered = hasFilters(query);
  const exportParams = gridSearchParams(query, { sort: "sku", dir: "asc", page: 1 }).toString();
  const isHq = canIntake(user.role);
  const from = (page.page - 1) * page.pageSize + 1;
  const to = from + page.rows.length - 1;
  const total = page.capped ? t("inventory.totalCapped", { n: num(COUNT_CAP) }) : num(page.total);
  const pastEnd = page.page > 1 && (page.total > 0 || page.capped);
  const problemText = (p: ParamProblem) =>
    p.message === "given more than once"
      ? t("inventory.problem.repeated", { param: p.param })
      : t(`inventory.problem.${p.param}` as MessageKey, { value: p.value });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("inventory.title")}</h1>
          <p className="text-sm text-slate-500">{t(`inventory.subtitle.${scope.kind}`)}</p>
        </div>
        <div className="flex items-center gap-2">
          {isHq && (
            <Link href="/inventory/intake" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50" data-testid="intake-link">
              {t("inventory.intakeLink")}
            </Link>
          )}
          <a
            href={`/inventory/export${exportParams ? `?${exportParams}` : ""}`}
            download
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="export-csv"
          >
            {t("inventory.export")}
          </a>
        </div>
      </div>

      <GridFilters base={base} query={query} options={options} t={t} showBrand={scope.kind !== "brand"} showLocationFilters={scope.kind !== "location"} />

      {problems.length > 0 && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" data-testid="param-problems">
          <p className="font-medium">{t("inventory.problem.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.param}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}

      {page.rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="grid-empty">
          {pastEnd ? (
            <>
              <p className="font-medium text-slate-700">{t("inventory.empty.pastEnd")}</p>
              <Link href={gridHref(base, query, { page: 1 })} className="mt-3 inline-block text-sm text-brand-600 hover:underline">
                {t("inventory.empty.firstPage")}
              </Link>
            </>
          ) : filtered ? (
            <>
              <p className="font-medium text-slate-700">{t("inventory.empty.filtered")}</p>
              <Link href={base} className="mt-3 inline-block text-sm text-brand-600 hover:underline">
                {t("inventory.empty.reset")}
              </Link>
            </>
          ) : (
            <p className="font-medium text-slate-700">{t("inventory.empty.none")}</p>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="grid-summary">
            {t("inventory.showing", { from: num(from), to: num(to), total })}
          </p>
          <GridTable base={base} rows={page.rows} query={query} t={t} locale={locale} linkLocations={(id) => scope.kind !== "location" || id === scope.locationId} />
        </>
      )}
      <GridPagination base={base} page={page} query={query} t={t} locale={locale} />
    </div>
  );
}
