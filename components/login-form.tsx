"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useI18n } from "./i18n-provider";
import { TextField } from "./text-field";

type DemoLogin = { email: string; role: string };

export function LoginForm({ demoLogins, demoPassword }: { demoLogins: DemoLogin[]; demoPassword?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) {
      const target = params.get("callbackUrl");
      // Only same-origin paths: never an open redirect.
      const path = target && target.startsWith("/") && !target.startsWith("//") ? target : "/dashboard";
      router.replace(path.startsWith("/login") ? "/dashboard" : path);
      router.refresh();
      return;
    }
    setPending(false);
    const code = res?.error ?? "";
    if (code.startsWith("THROTTLED:")) setError(t("login.error.throttled", { seconds: code.split(":")[1] }));
    else if (code === "INVALID_CREDENTIALS" || code === "CredentialsSignin") setError(t("login.error.invalid"));
    else setError(t("login.error.generic"));
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField
        label={t("login.email")}
        name="email"
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={setEmail}
      />
      <TextField
        label={t("login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {error && (
        <p data-testid="login-error" role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !email || !password}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("login.submitting") : t("login.submit")}
      </button>
      {demoPassword && demoLogins.length > 0 && (
        <div className="rounded-md border border-dashed border-slate-300 p-3 text-xs text-slate-600">
          <p className="mb-2">{t("login.demoHint", { password: demoPassword })}</p>
          <ul className="space-y-1">
            {demoLogins.map((d) => (
              <li key={d.email}>
                <button
                  type="button"
                  className="text-brand-600 hover:underline"
                  onClick={() => {
                    setEmail(d.email);
                    setPassword(demoPassword);
                  }}
                >
                  {d.email}
                </button>{" "}
                · {t(`role.${d.role}` as "role.HQ_ADMIN")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
