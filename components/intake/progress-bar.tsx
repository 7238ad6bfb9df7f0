/** Determinate when `value` is given, otherwise an indeterminate (pulsing) bar for work of unknown length. */
export function ProgressBar({ value, max = 1, label, testId }: { value?: number; max?: number; label: string; testId?: string }) {
  const share = value === undefined ? null : Math.min(1, Math.max(0, max > 0 ? value / max : 1));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={share === null ? undefined : 0}
      aria-valuemax={share === null ? undefined : max}
      aria-valuenow={share === null ? undefined : value}
      data-testid={testId}
      data-state={share === null ? "indeterminate" : share >= 1 ? "complete" : "running"}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full bg-brand-500 ${share === null ? "w-full animate-pulse" : "transition-[width] duration-200"}`}
        style={share === null ? undefined : { width: `${share * 100}%` }}
      />
    </div>
  );
}
