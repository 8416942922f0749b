import type { Result } from '../../../electron/shared/contract';
import { useI18n } from '../i18n/context';

export type Failure = Extract<Result<unknown>, { ok: false }>['error'];

/** The error half of a Result: its kind in the current language, then the message as sent. */
export function ErrorBox({ error, onRetry, bare }: { error: Failure; onRetry?(): void; /** Inside another alert box. */ bare?: boolean }) {
  const { t } = useI18n();
  const content = (
    <>
      <p>
        <strong>{t.errors.codes[error.code] ?? t.errors.title}</strong>
        {error.message ? `: ${error.message}` : ''}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </>
  );
  return bare ? content : (
    <div className="error-box" role="alert">
      {content}
    </div>
  );
}
