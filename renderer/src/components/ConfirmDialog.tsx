import { useId, useRef, useState } from 'react';
import type { Result } from '../../../electron/shared/contract';
import { useI18n } from '../i18n/context';
import { ErrorBox, type Failure } from './ErrorBox';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Runs the action; the dialog stays open and shows the error when it fails. */
  onConfirm(): Promise<Result<unknown>>;
  onDone(): void;
  onCancel(): void;
}

/** "Are you sure?" before deleting: Cancel has the focus first, Escape cancels. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onDone, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <Modal title={title} onClose={onCancel} initialFocus={cancelRef} alert describedBy={bodyId} className="modal-small">
      <p id={bodyId}>{body}</p>
      {error && <ErrorBox error={error} />}
      <div className="button-row modal-actions">
        <button type="button" ref={cancelRef} onClick={onCancel}>
          {t.common.cancel}
        </button>
        <button type="button" className="danger" onClick={() => void confirm()} disabled={busy} aria-busy={busy}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
