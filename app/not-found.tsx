import Link from "next/link";
import { serverTranslator } from "@/lib/server/i18n";

export default async function NotFound() {
  const { t } = await serverTranslator();
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="text-xl font-semibold" data-testid="not-found">{t("notFound.title")}</h1>
      <p className="text-slate-600">{t("notFound.body")}</p>
      <Link href="/dashboard" className="text-brand-600 hover:underline">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
