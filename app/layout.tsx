import type { Metadata } from "next";
import { Providers } from "@/components/providers";
import { currentLocale } from "@/lib/server/i18n";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Yipan 一盘", template: "%s · Yipan 一盘" },
  description: "One inventory for every channel",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
