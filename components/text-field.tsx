type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange"> & {
  label: string;
  onChange: (value: string) => void;
};

/** A labelled text input; the label wraps the input so screen readers and getByLabel find it. */
export function TextField({ label, onChange, className, ...input }: Props) {
  return (
    <label className="block">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input
        required
        {...input}
        onChange={(e) => onChange(e.target.value)}
        className={`mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none ${className ?? ""}`}
      />
    </label>
  );
}
