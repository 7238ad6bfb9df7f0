"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Section } from "@/lib/auth/roles";
import { useI18n } from "./i18n-provider";

export function SidebarNav({ sections }: { sections: Section[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.main")} data-testid="main-nav">
      <ul className="space-y-0.5">
        {sections.map((s) => {
          const href = `/${s}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                data-section={s}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {t(`nav.${s}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
