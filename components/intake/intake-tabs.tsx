"use client";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { AdjustForm, type AdjustActions } from "./adjust-form";
import { CsvImport, type ImportActions } from "./csv-import";

const TABS = ["adjust", "csv"] as const;
export type IntakeTab = (typeof TABS)[number];

/** Two ways in, as tabs (arrow keys switch, as in any tab list). Both stay mounted so switching loses nothing. */
export function IntakeTabs({
  initialTab,
  locations,
  actions,
}: {
  initialTab: IntakeTab;
  locations: { code: string; name: string }[];
  actions: AdjustActions & ImportActions;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<IntakeTab>(initialTab);
  const refs = useRef<Record<IntakeTab, HTMLButtonElement | null>>({ adjust: null, csv: null });

  function select(next: IntakeTab) {
    setTab(next);
    refs.current[next]?.focus();
    const url = new URL(window.location.href);
    url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  }

  return (
    <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div role="tablist" aria-label={t("intake.tabs")} className="flex gap-1 border-b border-slate-200 px-4 pt-3">
        {TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`intake-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`intake-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`tab-${id}`}
            onClick={() => select(id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                e.preventDefault();
                select(TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]);
              }
            }}
            className={`-mb-px rounded-t-md border-b-2 px-4 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-brand-100 focus-visible:outline-none ${
              tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t(`intake.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="intake-panel-adjust" aria-labelledby="intake-tab-adjust" hidden={tab !== "adjust"} className="p-5">
        <AdjustForm locations={locations} actions={actions} />
      </div>
      <div role="tabpanel" id="intake-panel-csv" aria-labelledby="intake-tab-csv" hidden={tab !== "csv"} className="p-5">
        <CsvImport actions={actions} exampleLocation={locations[0]?.code ?? "WH-01"} />
      </div>
    </div>
  );
}
