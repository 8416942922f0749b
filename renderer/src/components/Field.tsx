import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  /** Renders the control with the id and descriptions the label, hint and errors need. */
  children(control: ControlProps): ReactNode;
}

/** A form field: <label for>, the control, a hint and the validation messages that belong to it. */
export function Field({ label, hint, errors, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${hasErrors ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(hasErrors ? { 'aria-invalid': true as const } : {}) })}
      {hasErrors && (
        <ul className="field-errors" id={errorId}>
          {errors?.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
