import { FieldFrame } from "../field-frame";

type Props = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "id"> & {
  label: string;
  hint?: string;
  error?: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
};

/** A labelled select with a hint and an inline error, announced with the field (like the text Field). */
export function SelectField({ label, hint, error, onChange, className, children, ...select }: Props) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      render={(control) => (
        <select {...select} {...control} className={`${control.className} bg-white`} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    />
  );
}
