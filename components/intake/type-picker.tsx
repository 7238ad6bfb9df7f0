"use client";
import { useId } from "react";

/** A radio group drawn as cards: arrow keys move between options, as with any radio group. */
export function TypePicker<T extends string>({
  legend,
  options,
  value,
  onChange,
  name,
  testId,
}: {
  legend: string;
  options: { value: T; label: string; hint?: string }[];
  value: T;
  onChange: (value: T) => void;
  name: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <fieldset data-testid={testId}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`mt-1 grid gap-2 ${options.length > 2 ? "grid-cols-2 lg:grid-cols-4" : "grid-cols-1 sm:grid-cols-2"}`}>
        {options.map((o) => {
          const checked = o.value === value;
          return (
            <label
              key={o.value}
              htmlFor={`${id}-${o.value}`}
              className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-100 ${
                checked ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"
              }`}
            >
              <input
                id={`${id}-${o.value}`}
                type="radio"
                name={name}
                value={o.value}
                checked={checked}
                onChange={() => onChange(o.value)}
                className="mt-1 accent-brand-600"
              />
              <span>
                <span className="block font-medium">{o.label}</span>
                {o.hint && <span className="block text-xs text-slate-500">{o.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
