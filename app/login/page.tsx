import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LanguageSwitch } from "@/components/language-switch";
import { LoginForm } from "@/components/login-form";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";
import { serverTranslator } from "@/lib/server/i18n";
import { currentUser } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Sign in" };

// Demo logins are shown unless turned off for a real deployment.
const showDemo = process.env.YIPAN_SHOW_DEMO_LOGINS !== "false";

export default async function LoginPage() {
  if (await currentUser()) redirect("/dashboard");
  const { t } = await serverTranslator();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-lg">
        <div className="mb-6 flex items-start justify-between">
          <div>
            <p className="text-2xl font-semibold">
              Yipan <span className="text-brand-600">一盘</span>
            </p>
            <p className="text-sm text-slate-500">{t("app.tagline")}</p>
          </div>
          <LanguageSwitch />
        </div>
        <h1 className="mb-4 text-lg font-medium">{t("login.title")}</h1>
        <Suspense>
          <LoginForm
            demoPassword={showDemo ? DEMO_PASSWORD : undefined}
            demoLogins={showDemo ? DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) : []}
          />
        </Suspense>
      </div>
    </main>
  );
}
