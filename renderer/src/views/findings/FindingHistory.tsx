import type { FindingEventView } from '../../../../electron/shared/contract';
import { useI18n } from '../../i18n/context';

type Change = { field: keyof ReturnType<typeof useI18n>['t']['findings']['fields']; from: unknown; to: unknown };

/** A finding's history, oldest first: runs that opened, fixed or reopened it, and every person's change. */
export function FindingHistory({ events }: { events: FindingEventView[] }) {
  const { t, dateTime } = useI18n();
  const m = t.findings;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? t.common.none : String(v));
  return (
    <section aria-label={m.history} className="finding-history">
      <h3>{m.history}</h3>
      <ol className="plain-list">
        {events.map((e) => (
          <li key={e.id}>
            <p className="label">{m.eventLine(m.events[e.kind], e.by, dateTime(e.at))}{e.runId ? ` · ${m.seenIn(e.runId)}` : ''}</p>
            {e.kind === 'comment' && <p className="prewrap">{String(e.data.comment ?? '')}</p>}
            {e.kind === 'changed' && (
              <ul className="plain-list small">
                {((e.data.changes ?? []) as Change[]).map((c, i) => (
                  <li key={i}>{m.change(m.fields[c.field] ?? c.field, show(c.field === 'status' ? m.statuses[c.from as never] : c.from), show(c.field === 'status' ? m.statuses[c.to as never] : c.to))}</li>
                ))}
              </ul>
            )}
            {e.kind === 'fixed' && (
              <p className="small muted">
                {m.evidenceBeforeAfter(((e.data.before as { evidence?: unknown[] })?.evidence ?? []).length, ((e.data.after as { evidence?: unknown[] })?.evidence ?? []).length)}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
