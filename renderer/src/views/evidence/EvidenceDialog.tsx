import { useEffect, useRef, useState } from 'react';
import type { EvidenceView, RunView } from '../../../../electron/shared/contract';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/context';
import { EvidenceBody } from './EvidenceBody';

export type EvidenceRef = RunView['evidence'][number];

interface EvidenceDialogProps {
  sha256: string;
  refOf(sha256: string): EvidenceRef | undefined;
  onClose(): void;
}

/**
 * One evidence document in a modal. Everything in it comes from the audited site and is shown as text.
 * A document can lead to another (an exchange to its stored body); Back returns to the previous one.
 */
export function EvidenceDialog({ sha256, refOf, onClose }: EvidenceDialogProps) {
  const { t, dateTime, number } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  const [stack, setStack] = useState<string[]>([sha256]);
  const current = stack[stack.length - 1] ?? sha256;
  const [view, setView] = useState<EvidenceView | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setView(null);
    setError(null);
    void api['evidence:get']({ sha256: current }).then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [current, attempt]);

  const ref = refOf(current);
  const kind = view?.kind ?? ref?.kind;
  const title = kind ? (t.evidence.kinds[kind] ?? kind) : t.evidence.title;

  return (
    <Modal
      title={`${t.evidence.title}: ${title}`}
      onClose={onClose}
      initialFocus={closeRef}
      className="modal-wide evidence-dialog"
      actions={
        <>
          {stack.length > 1 && (
            <button type="button" onClick={() => setStack((s) => s.slice(0, -1))}>
              {t.common.back}
            </button>
          )}
          <button type="button" ref={closeRef} onClick={onClose}>
            {t.common.close}
          </button>
        </>
      }
    >
      {error && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!view && !error && <p className="muted">{t.common.loading}</p>}
      {view && (
        <>
          <dl className="facts compact evidence-meta">
            <dt>{t.evidence.summary}</dt>
            <dd>{view.summary}</dd>
            <dt>{t.evidence.capturedAt}</dt>
            <dd>{dateTime(view.capturedAt)}</dd>
            <dt>{t.evidence.mediaType}</dt>
            <dd className="mono">{view.mediaType}</dd>
            <dt>{t.evidence.sha256}</dt>
            <dd className="mono">{view.sha256}</dd>
            <dt>{t.evidence.sizeLabel}</dt>
            <dd>{t.evidence.size(number(view.size))}</dd>
          </dl>
          <EvidenceBody view={view} onOpen={(sha) => setStack((s) => [...s, sha])} />
        </>
      )}
    </Modal>
  );
}
