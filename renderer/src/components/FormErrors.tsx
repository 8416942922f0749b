import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/context';
import { ErrorBox, type Failure } from './ErrorBox';

/** Above a form: "correct the marked fields" plus what names no field, or the error of another kind. */
export function FormErrors({ error, general }: { error: Failure | null; general: string[] | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // A failed submit moves the focus here, so keyboard users land on the explanation.
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="error-box" role="alert" ref={ref} tabIndex={-1}>
      {general === null ? <ErrorBox error={error} bare /> : <FieldSummary general={general} />}
    </div>
  );
}

function FieldSummary({ general }: { general: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <strong>{t.errors.formInvalid}</strong>
      </p>
      {general.length > 0 && (
        <ul>
          {general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </>
  );
}
