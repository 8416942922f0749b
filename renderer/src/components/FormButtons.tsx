import { useI18n } from '../i18n/context';

/** Submit (its label changes while saving) and Cancel, as every form ends. */
export function FormButtons({ busy, submitLabel, busyLabel, onCancel }: { busy: boolean; submitLabel: string; busyLabel: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t.common.cancel}
      </button>
    </div>
  );
}
