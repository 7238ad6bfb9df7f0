import "server-only";

// Progress of running suggestion runs, by the run id the browser chose, for the progress route to report. Kept
// in this process's memory: the run and the polling reach the same instance of a single-instance console; with
// several instances the bar just stays indeterminate until the action answers.

type Progress = { done: number; total: number; finished: boolean; at: number };
const runs = new Map<string, Progress>();

export function setProgress(run: string, done: number, total: number, finished = false) {
  runs.set(run, { done, total, finished, at: Date.now() });
  // Forget runs older than ten minutes.
  for (const [k, v] of runs) if (Date.now() - v.at > 600_000) runs.delete(k);
}

export function getProgress(run: string): Progress | null {
  return runs.get(run) ?? null;
}
