import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/context';
import { Modal } from './Modal';

interface SecretPromptProps {
  host: string;
  onSubmit(secret: string): void;
  onCancel(): void;
}

/** Asks for an SSH password or passphrase for one audit; the value lives only in this dialog's state. */
export function SecretPrompt({ host, onSubmit, onCancel }: SecretPromptProps) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const bodyId = useId();
  const inputId = useId();
  const [secret, setSecret] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (secret) onSubmit(secret);
  }

  return (
    <Modal title={t.sources.promptTitle} onClose={onCancel} initialFocus={inputRef} describedBy={bodyId} className="modal-small">
      <form onSubmit={submit}>
        <p id={bodyId}>{t.sources.promptBody(host)}</p>
        <div className="field">
          <label htmlFor={inputId}>{t.sources.password}</label>
          <input id={inputId} ref={inputRef} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
        </div>
        <div className="button-row modal-actions">
          <button type="button" onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="submit" className="primary" disabled={!secret}>
            {t.sources.promptStart}
          </button>
        </div>
      </form>
    </Modal>
  );
}
