import Link from "next/link";
import { AutoSubmitForm } from "@/components/inventory/auto-submit-form";
import type { Translate } from "@/lib/i18n";
import { DEFAULT_REPLENISHMENT_QUERY, defaultDir, type ReplenishmentQuery } from "@/lib/server/replenishment/query";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

export type LocationChoice = { code: string; name: string; type: "WAREHOUSE" | "DC" | "STORE" };

const TYPES = ["WAREHOUSE", "DC", "STORE"] as const;

/**
 * The view's filters as a GET form (a filtered view is a link): the location (HQ picks any; a store manager's is
 * fixed and not a field), brand, category, SKU search and "needs an order only".
 */
export function ReplenishmentFilters({
  base,
  query,
  location,
  locations,
  brands,
  categories,
  t,
}: {
  base: string;
  query: ReplenishmentQuery;
  /** The location shown (chosen or default). */
  location: LocationChoice;
  /** Locations to pick from; null when the caller's location is fixed. */
  locations: LocationChoice[] | null;
  brands: { code: string; name: string }[];
  categories: string[];
  t: Translate;
}) {
  const key = JSON.stringify({ ...query, page: 1 });
  return (
    <AutoSubmitForm key={key} action={base} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" testId="replenishment-filters">
      <div className="flex flex-wrap items-end gap-3">
        {locations ? (
          <label className="block min-w-56 text-sm">
            <span className="font-medium text-slate-700">{t("replenishment.location")}</span>
            <select name="location" defaultValue={location.code} className={field} data-testid="filter-location">
              {TYPES.map((type) => {
                const group = locations.filter((l) => l.type === type);
                return group.length === 0 ? null : (
                  <optgroup key={type} label={t(`replenishment.group.${type}`)}>
                    {group.map((l) => (
                      <option key={l.code} value={l.code}>
                        {l.code} · {l.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          </label>
        ) : (
          <div className="block min-w-56 shrink-0 text-sm" data-testid="fixed-location">
            <span className="font-medium text-slate-700">{t("replenishment.locationFixed")}</span>
            <p className="mt-1 whitespace-nowrap rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5">
              <span className="font-mono text-xs">{location.code}</span> · {location.name}
            </p>
          </div>
        )}
        <label className="block min-w-56 flex-1 text-sm">
          <span className="font-medium text-slate-700">{t("replenishment.filter.search")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} placeholder={t("replenishment.filter.searchPlaceholder")} className={field} data-testid="filter-q" />
        </label>
        <label className="block min-w-40 text-sm">
          <span className="font-medium text-slate-700">{t("replenishment.filter.brand")}</span>
          <select name="brand" defaultValue={query.brand ?? ""} className={field} data-testid="filter-brand">
            <option value="">{t("replenishment.filter.allBrands")}</option>
            {brands.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block min-w-40 text-sm">
          <span className="font-medium text-slate-700">{t("replenishment.filter.category")}</span>
          <select name="category" defaultValue={query.category ?? ""} className={field} data-testid="filter-category">
            <option value="">{t("replenishment.filter.allCategories")}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="needs" value="1" defaultChecked={query.needs} className="h-4 w-4 rounded border-slate-300 accent-brand-600" data-testid="filter-needs" />
          {t("replenishment.filter.needs")}
        </label>
        {query.sort !== DEFAULT_REPLENISHMENT_QUERY.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== defaultDir(query.sort) && <input type="hidden" name="dir" value={query.dir} />}
        <div className="ml-auto flex items-center gap-2">
          <Link href={locations ? `${base}?location=${encodeURIComponent(location.code)}` : base} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100" data-testid="filter-reset">
            {t("replenishment.filter.reset")}
          </Link>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:ring-2 focus:ring-brand-100 focus:outline-none" data-testid="filter-apply">
            {t("replenishment.filter.apply")}
          </button>
        </div>
      </div>
    </AutoSubmitForm>
  );
}
