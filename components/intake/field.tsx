import { FieldFrame } from "../field-frame";

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "id"> & {
  label: string;
  hint?: string;
  error?: string;
  onChange: (value: string) => void;
  inputRef?: React.Ref<HTMLInputElement>;
};

/** A labelled input with a hint and an inline error, both announced with the field (aria-describedby). */
export function Field({ label, hint, error, onChange, className, inputRef, ...input }: Props) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      render={(control) => <input {...input} {...control} ref={inputRef} onChange={(e) => onChange(e.target.value)} />}
    />
  );
}

/** A field for codes (SKU, location, channel, order numbers): no autocomplete or spell check; `upper` types capitals. */
export function CodeField({ upper, onChange, ...props }: Props & { upper?: boolean }) {
  return <Field autoComplete="off" spellCheck={false} {...props} onChange={upper ? (v) => onChange(v.toUpperCase()) : onChange} />;
}
