import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/context';

const MAX_BYTES = 256 * 1024;

export interface CaFile {
  name: string;
  pem: string;
}

interface CaFileFieldProps {
  value: CaFile | null;
  onChange(value: CaFile | null): void;
  errors?: string[];
}

/** An extra CA certificate: chosen with a file input, read as text, shown by name, removable. */
export function CaFileField({ value, onChange, errors }: CaFileFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const allErrors = [...(readError ? [readError] : []), ...(errors ?? [])];

  function choose(file: File | undefined) {
    setReadError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setReadError(t.installation.caTooLarge);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') onChange({ name: file.name, pem: reader.result });
      else setReadError(t.installation.caReadError);
    };
    reader.onerror = () => setReadError(t.installation.caReadError);
    reader.readAsText(file);
  }

  function remove() {
    onChange(null);
    setReadError(null);
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  }

  return (
    <div className={`field${allErrors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t.installation.caFile}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t.installation.caFileHint}
      </p>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".pem,.crt"
        aria-describedby={`${id}-hint ${id}-state${allErrors.length ? ` ${id}-error` : ''}`}
        aria-invalid={allErrors.length ? true : undefined}
        onChange={(e) => choose(e.target.files?.[0])}
      />
      <div className="ca-state" id={`${id}-state`} aria-live="polite">
        {value ? <span className="mono">{t.installation.caChosen(value.name || t.common.unknown)}</span> : <span className="muted">{t.installation.caNone}</span>}
        {value && (
          <button type="button" className="small" onClick={remove}>
            {t.installation.caRemove}
          </button>
        )}
      </div>
      {allErrors.length > 0 && (
        <ul className="field-errors" id={`${id}-error`}>
          {allErrors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
