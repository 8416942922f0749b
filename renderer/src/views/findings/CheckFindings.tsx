import type { RunFindingView } from '../../../../electron/shared/contract';
import { formatDay, localToday } from '../../day';
import { useI18n } from '../../i18n/context';
import { findingTitle, subjectText } from './title';

/** Under a check of a run: the tracked findings it failed on (status, owner, due date) and those it proved fixed. */
export function CheckFindings({ links, onOpen }: { links: readonly RunFindingView[]; onOpen(link: RunFindingView): void }) {
  const { t, lang } = useI18n();
  const m = t.findings;
  if (links.length === 0) return null;
  const today = localToday();
  return (
    <div className="check-findings">
      <p className="label">{m.inRun.label}</p>
      <ul>
        {links.map((link) => {
          const f = link.finding;
          const overdue = link.inRun === 'failing' && f.dueOn !== null && f.dueOn < today && (f.status === 'open' || f.status === 'in-progress');
          return (
            <li key={`${link.inRun}-${f.id}`} className={`finding-${link.inRun === 'fixed' ? 'fixed' : f.status}`}>
              <button type="button" className="link-button" aria-label={m.inRun.open(findingTitle(f))} onClick={() => onOpen(link)}>
                {m.inRun.ref(f.id)}
              </button>{' '}
              <span>{subjectText(f.subject) || m.inRun.wholeCheck}</span>
              {' · '}
              {link.inRun === 'fixed' ? (
                <span className="tag tag-pass">{m.inRun.provedFixed}</span>
              ) : (
                <>
                  <span className="tag">{m.statuses[f.status]}</span>
                  {' · '}
                  <span>{f.owner ? m.inRun.owner(f.owner) : m.unassigned}</span>
                  {f.dueOn && (
                    <>
                      {' · '}
                      <span>{m.inRun.due(formatDay(f.dueOn, lang))}</span>
                    </>
                  )}
                  {overdue && <span className="tag tag-fail">{m.overdue}</span>}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
