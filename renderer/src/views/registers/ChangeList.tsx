import type { ImportPlanView } from '../../../../electron/shared/contract';
import { useI18n } from '../../i18n/context';
import { describeValue } from './describe';

type Entry = Record<string, unknown>;

/** Which fields an import would change in one entry, as before/after pairs. */
function changedFields(before: Entry, after: Entry): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** The entries an import adds, and for each it changes the fields before and after. */
export function ChangeList({ plan }: { plan: ImportPlanView }) {
  const { t } = useI18n();
  const r = t.registers;
  const label = (kind: 'processor' | 'activity', field: string) => (r[kind] as Record<string, unknown>)[field] as string | undefined ?? field;
  const sections = [
    { kind: 'processor' as const, title: r.tabs.processors, add: plan.changes.processors.add.map((p) => p.name), change: plan.changes.processors.change.map((c, i) => ({ name: c.input.name, before: plan.before.processors[i] as unknown as Entry, after: c.input as unknown as Entry })) },
    { kind: 'activity' as const, title: r.tabs.activities, add: plan.changes.activities.add.map((a) => a.activity), change: plan.changes.activities.change.map((c, i) => ({ name: c.input.activity, before: plan.before.activities[i] as unknown as Entry, after: c.input as unknown as Entry })) },
  ].filter((s) => s.add.length + s.change.length > 0);

  return (
    <>
      {sections.map((s) => (
        <section key={s.kind} className="import-section">
          <h3>{s.title}</h3>
          {s.add.length > 0 && (
            <ul className="import-adds">
              {s.add.map((name, i) => (
                <li key={i}>
                  <span className="tag tag-pass">+</span> {name}
                </li>
              ))}
            </ul>
          )}
          {s.change.map((c, i) => (
            <table key={i} className="data-table import-change">
              <caption>
                <span className="tag tag-warn">~</span> {c.name} — {r.import.beforeAfter}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{r.import.field}</th>
                  <th scope="col">{r.import.before}</th>
                  <th scope="col">{r.import.after}</th>
                </tr>
              </thead>
              <tbody>
                {changedFields(c.before ?? {}, c.after).map((field) => (
                  <tr key={field}>
                    <th scope="row">{label(s.kind, field)}</th>
                    <td className="prewrap">{describeValue(c.before?.[field], r)}</td>
                    <td className="prewrap">{describeValue(c.after[field], r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ))}
    </>
  );
}
