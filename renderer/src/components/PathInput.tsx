import type { FilePurpose } from '../../../electron/shared/contract';
import { api } from '../api';
import { useI18n } from '../i18n/context';
import { useAppInfo } from '../state/useAppInfo';
import { Field } from './Field';

interface PathInputProps {
  label: string;
  hint?: string;
  value: string;
  purpose: FilePurpose;
  onChange(value: string): void;
  errors?: string[];
}

/** A file path typed in, or chosen with the system's file dialog where the app has one. */
export function PathInput({ label, hint, value, purpose, onChange, errors }: PathInputProps) {
  const { t } = useI18n();
  const info = useAppInfo();
  async function browse() {
    const picked = await api['files:pick']({ purpose });
    if (picked.ok && picked.value) onChange(picked.value);
  }
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(p) => (
        <div className="input-with-button">
          <input {...p} type="text" className="mono" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
          {info?.canPickFiles && (
            <button type="button" onClick={() => void browse()}>
              {t.sources.browse}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
