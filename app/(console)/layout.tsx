import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { SidebarNav } from "@/components/sidebar-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { dataScope, sectionsFor } from "@/lib/auth/roles";
import { serverTranslator } from "@/lib/server/i18n";
import { currentUser } from "@/lib/server/permissions";
import { scopeName } from "@/lib/server/scope";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { t } = await serverTranslator();
  const scope = dataScope(user);
  const name = await scopeName(scope);
  const scopeLabel =
    scope.kind === "network" ? t("scope.network") : t(scope.kind === "brand" ? "scope.brand" : "scope.location", { name: name ?? "?" });

  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 md:flex">
        <div className="mb-6 px-3">
          <p className="text-lg font-semibold">
            Yipan <span className="text-brand-600">一盘</span>
          </p>
          <p className="text-xs text-slate-500">{t("app.tagline")}</p>
        </div>
        <SidebarNav sections={sectionsFor(user.role)} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <p className="text-sm text-slate-600" data-testid="scope-label">
            {scopeLabel}
          </p>
          <div className="flex items-center gap-4">
            <div className="text-right text-sm leading-tight">
              <p className="font-medium" data-testid="user-name">{user.name}</p>
              <p className="text-xs text-slate-500" data-testid="user-role">{t(`role.${user.role}`)}</p>
            </div>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </header>
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
