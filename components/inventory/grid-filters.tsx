import Link from "next/link";
import { DEFAULT_QUERY, defaultDir, gridHref, LOCATION_TYPES, type GridQuery } from "@/lib/inventory/grid-query";
import type { Translate } from "@/lib/i18n";
import type { GridOptions } from "@/lib/server/inventory/grid";
import { AutoSubmitForm } from "./auto-submit-form";
import { codeLabel } from "./labels";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

function Select({ name, label, value, all, options }: { name: string; label: string; value?: string; all: string; options: { value: string; label: string }[] }) {
  return (
    <label className="block min-w-40 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={field} data-testid={`filter-${name}`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="h-4 w-4 rounded border-slate-300 accent-brand-600" data-testid={`filter-${name}`} />
      {label}
    </label>
  );
}

/**
 * The grid's filters as a GET form, so a filtered view is a plain link. Fields that cannot narrow the
 * caller's scope are left out (one brand for a brand partner, one location for a store manager).
 */
export function GridFilters({
  base,
  query,
  options,
  t,
  showBrand,
  showLocationFilters,
}: {
  /** The grid's path (the plain, script-free view has its own). */
  base: string;
  query: GridQuery;
  options: GridOptions;
  t: Translate;
  showBrand: boolean;
  showLocationFilters: boolean;
}) {
  // The form's key resets uncontrolled fields when the URL changes (back button, a header link).
  const key = JSON.stringify({ ...query, page: 1 });
  return (
    <AutoSubmitForm key={key} action={base} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" testId="grid-filters">
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-64 flex-1 text-sm">
          <span className="font-medium text-slate-700">{t("inventory.filter.search")}</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={100}
            placeholder={t("inventory.filter.searchPlaceholder")}
            className={field}
            data-testid="filter-q"
          />
        </label>
        {showBrand && (
          <Select name="brand" label={t("inventory.filter.brand")} value={query.brand} all={t("inventory.filter.allBrands")}
            options={options.brands.map((b) => ({ value: b.code, label: b.name }))} />
        )}
        <Select name="category" label={t("inventory.filter.category")} value={query.category} all={t("inventory.filter.allCategories")}
          options={options.categories.map((c) => ({ value: c, label: c }))} />
        {showLocationFilters && (
          <>
            <Select name="type" label={t("inventory.filter.type")} value={query.type} all={t("inventory.filter.allTypes")}
              options={LOCATION_TYPES.map((v) => ({ value: v, label: codeLabel(t, "locationType", v) }))} />
            <Select name="region" label={t("inventory.filter.region")} value={query.region} all={t("inventory.filter.allRegions")}
              options={options.regions.map((r) => ({ value: r, label: codeLabel(t, "region", r) }))} />
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <Check name="out" label={t("inventory.filter.out")} checked={query.out} />
        <Check name="below" label={t("inventory.filter.below")} checked={query.below} />
        <Check name="aged" label={t("inventory.filter.aged")} checked={query.aged} />
        {query.location && (
          <span className="inline-flex items-center gap-1.5 rounded-full bg-brand-50 px-2.5 py-0.5 text-sm text-brand-700" data-testid="filter-location">
            <input type="hidden" name="location" value={query.location} />
            {t("inventory.filter.location", { code: query.location })}
            <Link href={gridHref(base, query, { location: undefined, page: 1 })} aria-label={t("inventory.filter.clearLocation")} className="rounded-full px-1 hover:bg-brand-100">
              ×
            </Link>
          </span>
        )}
        {query.sort !== DEFAULT_QUERY.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== defaultDir(query.sort) && <input type="hidden" name="dir" value={query.dir} />}
        <div className="ml-auto flex items-center gap-2">
          <Link href={base} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100" data-testid="filter-reset">
            {t("inventory.filter.reset")}
          </Link>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:ring-2 focus:ring-brand-100 focus:outline-none" data-testid="filter-apply">
            {t("inventory.filter.apply")}
          </button>
        </div>
      </div>
    </AutoSubmitForm>
  );
}
