import { useEffect, useState, type FormEvent } from 'react';
import type { FindingEventView, FindingView } from '../../../../electron/shared/contract';
import type { FindingPatch } from '../../../../electron/shared/findings';
import { api } from '../../api';
import type { Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { FormErrors } from '../../components/FormErrors';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/context';
import { FindingHistory } from './FindingHistory';
import { findingTitle } from './title';

const EDITABLE = ['open', 'in-progress', 'accepted-risk', 'false-positive'] as const;

/** Owner, due date, status (with reason and expiry where the status needs them), a comment, and the history. */
export function FindingDialog({ finding, onSaved, onCancel }: { finding: FindingView; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const m = t.findings;
  const [status, setStatus] = useState(finding.status);
  const [owner, setOwner] = useState(finding.owner);
  const [dueOn, setDueOn] = useState(finding.dueOn ?? '');
  const [reason, setReason] = useState(finding.reason);
  const [expiresOn, setExpiresOn] = useState(finding.expiresOn ?? '');
  const [comment, setComment] = useState('');
  const [by, setBy] = useState('');
  const [history, setHistory] = useState<FindingEventView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  useEffect(() => {
    void api['findings:history']({ id: finding.id }).then((r) => r.ok && setHistory(r.value));
  }, [finding.id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const patch: FindingPatch = { owner, dueOn: dueOn || null, reason, expiresOn: expiresOn || null };
    if (status !== 'fixed') patch.status = status;
    const saved = await api['findings:update']({ id: finding.id, patch, by });
    const commented = saved.ok && comment.trim() ? await api['findings:comment']({ id: finding.id, text: comment, by }) : saved;
    setBusy(false);
    if (!saved.ok) setError(saved.error);
    else if (!commented.ok) setError(commented.error);
    else onSaved();
  }

  const needsReason = status === 'accepted-risk' || status === 'false-positive';
  return (
    <Modal title={m.editTitle(findingTitle(finding))} onClose={onCancel} className="modal-wide">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={null} />
        {finding.status === 'fixed' && <p className="notice">{m.fixedNote}</p>}
        <div className="form-grid">
          <Field label={m.status}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as FindingView['status'])} disabled={finding.status === 'fixed'}>
                {finding.status === 'fixed' && <option value="fixed">{m.statuses.fixed}</option>}
                {EDITABLE.map((s) => (
                  <option key={s} value={s}>
                    {m.statuses[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={m.owner}>{(p) => <input {...p} type="text" value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={200} />}</Field>
          <Field label={m.dueOn}>{(p) => <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}</Field>
          {status === 'accepted-risk' && <Field label={m.expiresOn}>{(p) => <input {...p} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />}</Field>}
        </div>
        {needsReason && <Field label={m.reason} hint={m.reasonHint}>{(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />}</Field>}
        <Field label={m.comment}>{(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />}</Field>
        <Field label={m.by}>{(p) => <input {...p} type="text" value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} required autoComplete="name" />}</Field>
        <FormButtons busy={busy} busyLabel={m.saving} submitLabel={m.save} onCancel={onCancel} />
      </form>
      {history && <FindingHistory events={history} />}
    </Modal>
  );
}
