import { notFound } from "next/navigation";
import { SECTIONS, type Section } from "@/lib/auth/roles";
import { serverTranslator } from "@/lib/server/i18n";
import { requireSection } from "@/lib/server/permissions";

// Sections not built yet say so plainly. Each real page (app/(console)/<section>/page.tsx) replaces this route.
const PLANNED: Partial<Record<Section, string>> = {
  brands: "#3 Inventory core (brand scoping)",
};

export default async function SectionPlaceholder({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!(SECTIONS as readonly string[]).includes(section) || !PLANNED[section as Section]) notFound();
  await requireSection(section as Section);
  const { t } = await serverTranslator();
  const title = t(`nav.${section as Section}`);
  return (
    <div className="mx-auto max-w-2xl rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      <h1 className="text-xl font-semibold" data-testid="placeholder-title">
        {t("placeholder.title", { section: title })}
      </h1>
      <p className="mt-3 text-slate-600">{t("placeholder.body", { issue: PLANNED[section as Section]! })}</p>
    </div>
  );
}
