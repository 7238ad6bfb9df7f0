// A production server (`next start`) on a given database, and a signed-in session against it.
import { buildIsStale } from "../lib/local-state";
import { bin, run, startProcess, waitForHttp } from "../lib/run";

export async function startServer(databaseUrl: string, port: number) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-only-secret",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (buildIsStale()) await run(bin("next"), ["build"], env, true);
  const server = startProcess(bin("next"), ["start", "-p", String(port)], { ...env, NODE_ENV: "production" });
  await waitForHttp(`http://127.0.0.1:${port}/login`, 60_000, server);
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

/** Signs in through NextAuth's credentials callback and returns the Cookie header for later requests. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
