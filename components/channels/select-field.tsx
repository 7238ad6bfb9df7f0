import { useId } from "react";

type Props = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "id"> & {
  label: string;
  hint?: string;
  error?: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
};

/** A labelled select with a hint and an inline error, announced with the field (like the text Field). */
export function SelectField({ label, hint, error, onChange, className, children, ...select }: Props) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 shadow-sm focus:ring-2 focus:outline-none ${
          error ? "border-red-400 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
        }`}
      >
        {children}
      </select>
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
