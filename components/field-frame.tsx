import { useId } from "react";

/**
 * A form control's label, hint and inline error, announced with the control (aria-describedby). `render` gets the
 * props the control needs: its id, aria attributes and the border classes for the error state.
 */
export function FieldFrame({
  label,
  hint,
  error,
  className,
  render,
}: {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  render: (control: { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined; className: string }) => React.ReactNode;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const border = error ? "border-red-400 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100";
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {render({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described,
        className: `mt-1 block w-full rounded-md border px-3 py-2 shadow-sm focus:ring-2 focus:outline-none ${border}`,
      })}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
