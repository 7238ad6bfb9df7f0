// Runs worker scripts as separate OS processes that race each other: each connects, prints "ready", waits for
// "go" on stdin (all are released together), does its work and prints a JSON tally as its last line.
import { spawn } from "node:child_process";
import path from "node:path";

export type Tally = { ok: number; refused: number; errors: string[] };

export async function race(worker: string, argsPerProcess: string[][], env: Record<string, string> = {}): Promise<Tally[]> {
  const script = path.resolve(worker);
  const procs = argsPerProcess.map((args) =>
    spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", script, ...args], { env: { ...process.env, ...env } }),
  );
  const outputs = procs.map((p) => {
    let stdout = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => process.stderr.write(d));
    const ready = new Promise<void>((resolve) => {
      const check = () => (stdout.includes("ready") ? resolve() : p.stdout.once("data", check));
      check();
    });
    const done = new Promise<string>((resolve, reject) =>
      p.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`worker exited ${code}`)))),
    );
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready)); // all connected …
  for (const p of procs) p.stdin.write("go\n"); // … then released together
  const results = await Promise.all(outputs.map((o) => o.done));
  return results.map((stdout) => JSON.parse(stdout.trim().split("\n").pop()!) as Tally);
}

/** Worker side: warm the pool, say ready, wait for go, run, print the tally. */
export async function raceWorker(warm: () => Promise<unknown>, run: () => Promise<PromiseSettledResult<boolean>[]>) {
  await Promise.all(Array.from({ length: Number(process.env.DB_POOL_MAX ?? 8) }, warm));
  console.log("ready");
  await new Promise((r) => process.stdin.once("data", r));
  const results = await run();
  const tally: Tally = { ok: 0, refused: 0, errors: [] };
  for (const r of results) {
    if (r.status === "rejected") tally.errors.push(String(r.reason));
    else if (r.value) tally.ok++;
    else tally.refused++;
  }
  console.log(JSON.stringify(tally));
  process.exit(0);
}
