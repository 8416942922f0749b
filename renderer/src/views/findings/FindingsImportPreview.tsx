import type { FindingsImportPlan } from '../../../../electron/shared/contract-findings-xlsx';
import { ImportRowErrors } from '../../components/ImportRowErrors';
import { formatDay } from '../../day';
import { useI18n } from '../../i18n/context';

type Field = FindingsImportPlan['conflicts'][number]['field'];

/** What a returned workbook would change, where it collides with changes made in the app, and its bad rows. */
export function FindingsImportPreview({ plan, titles }: { plan: FindingsImportPlan; titles: ReadonlyMap<number, string> }) {
  const { t, lang, dateTime } = useI18n();
  const m = t.findingsFile.import;
  const f = t.findings;
  const title = (id: number) => titles.get(id) ?? m.unknownFinding(id);
  const show = (field: Field, value: string | null) => {
    if (value === null || value === '') return t.common.none;
    if (field === 'status') return f.statuses[value as keyof typeof f.statuses] ?? value;
    if (field === 'dueOn' || field === 'expiresOn') return formatDay(value, lang);
    return value;
  };
  const fieldName = (field: Field) => f.fields[field];

  return (
    <section aria-label={m.title} className="import-preview">
      <p className="muted">{m.scope(plan.scope.label, dateTime(plan.exportedAt))}</p>
      <ul className="tag-list import-counts">
        <li className="tag tag-warn">{m.changed(plan.changes.length)}</li>
        {plan.conflicts.length > 0 && <li className="tag tag-fail">{m.conflicts(plan.conflicts.length)}</li>}
        <li className="tag">{m.unchanged(plan.unchanged)}</li>
        {plan.errors.length > 0 && <li className="tag tag-fail">{m.errors(plan.errors.length)}</li>}
      </ul>
      {plan.changes.length > 0 && (
        <table className="data-table import-change findings-import-table">
          <caption>{m.changesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.finding}</th>
              <th scope="col">{m.field}</th>
              <th scope="col">{m.from}</th>
              <th scope="col">{m.to}</th>
            </tr>
          </thead>
          {plan.changes.map((c) => {
            const lines = c.fields.length + (c.comment ? 1 : 0);
            const head = (
              <th scope="rowgroup" rowSpan={lines}>
                {title(c.findingId)} <span className="muted small">({m.rowOf(c.row)})</span>
              </th>
            );
            return (
              <tbody key={c.findingId}>
                {c.fields.map((x, i) => (
                  <tr key={x.field}>
                    {i === 0 && head}
                    <td>{fieldName(x.field)}</td>
                    <td className="prewrap">{show(x.field, x.from)}</td>
                    <td className="prewrap">{show(x.field, x.to)}</td>
                  </tr>
                ))}
                {c.comment && (
                  <tr>
                    {c.fields.length === 0 && head}
                    <td>{m.newComment}</td>
                    <td>{t.common.none}</td>
                    <td className="prewrap">{c.comment}</td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      )}
      {plan.conflicts.length > 0 && (
        <table className="data-table import-change findings-import-table findings-conflicts" aria-label={m.conflictsCaption}>
          <caption>
            {m.conflictsCaption}
            <span className="caption-note">{m.conflictsIntro}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.finding}</th>
              <th scope="col">{m.field}</th>
              <th scope="col">{m.atExport}</th>
              <th scope="col">{m.inApp}</th>
              <th scope="col">{m.inFile}</th>
            </tr>
          </thead>
          <tbody>
            {plan.conflicts.map((c) => (
              <tr key={`${c.findingId}-${c.field}`}>
                <th scope="row">
                  {title(c.findingId)} <span className="muted small">({m.rowOf(c.row)})</span>
                </th>
                <td>{fieldName(c.field)}</td>
                <td className="prewrap">{show(c.field, c.atExport)}</td>
                <td className="prewrap">{show(c.field, c.inApp)}</td>
                <td className="prewrap">{show(c.field, c.inFile)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportRowErrors errors={plan.errors} intro={m.errorsBlock} where={m.errorRow} />
      {plan.errors.length === 0 && plan.changes.length + plan.conflicts.length === 0 && <p className="muted">{m.nothingToDo}</p>}
    </section>
  );
}
