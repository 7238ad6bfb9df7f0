"use client";
import { signOut } from "next-auth/react";
import { useI18n } from "./i18n-provider";

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      {t("nav.signOut")}
    </button>
  );
}
