import type { ActivityView, ProcessorView } from '../../../../electron/shared/contract';
import { useI18n } from '../../i18n/context';
import { formatDay, localToday } from '../../day';

interface TableProps<T> {
  rows: T[];
  onEdit(entry: T): void;
  onDelete(entry: T): void;
}


function RowActions<T>({ entry, name, onEdit, onDelete }: { entry: T; name: string } & Omit<TableProps<T>, 'rows'>) {
  const { t } = useI18n();
  return (
    <td className="row-actions">
      <button type="button" aria-label={`${t.registers.edit}: ${name}`} onClick={() => onEdit(entry)}>
        {t.registers.edit}
      </button>
      <button type="button" className="danger" aria-label={`${t.registers.delete}: ${name}`} onClick={() => onDelete(entry)}>
        {t.registers.delete}
      </button>
    </td>
  );
}

export function ProcessorTable({ rows, onEdit, onDelete }: TableProps<ProcessorView>) {
  const { t, lang } = useI18n();
  const r = t.registers;
  const now = localToday();
  return (
    <table className="data-table registers-table">
      <thead>
        <tr>
          <th scope="col">{r.processor.name}</th>
          <th scope="col">{r.processor.service}</th>
          <th scope="col">{r.processor.role}</th>
          <th scope="col">{r.processor.country}</th>
          <th scope="col">{r.processor.dpaSignedOn}</th>
          <th scope="col">{r.processor.transferBasis}</th>
          <th scope="col">{r.processor.nextReviewOn}</th>
          <th scope="col">
            <span className="visually-hidden">{r.edit}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{p.service}</td>
            <td>{r.roles[p.role]}</td>
            <td>{p.country || r.notRecorded}</td>
            <td>
              {p.dpaSignedOn ? formatDay(p.dpaSignedOn, lang) : <span className="tag tag-fail">{r.processor.dpaMissing}</span>}
              {p.dpaDocument && <span className="tag" title={p.dpaDocument}>PDF</span>}
            </td>
            <td>{p.transferBasis ? r.transferBases[p.transferBasis] : r.notRecorded}</td>
            <td>
              {p.nextReviewOn ? formatDay(p.nextReviewOn, lang) : r.notRecorded}
              {p.nextReviewOn && p.nextReviewOn < now && <span className="tag tag-warn">{r.processor.reviewOverdue}</span>}
            </td>
            <RowActions entry={p} name={p.name} onEdit={onEdit} onDelete={onDelete} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActivityTable({ rows, onEdit, onDelete }: TableProps<ActivityView>) {
  const { t } = useI18n();
  const r = t.registers;
  return (
    <table className="data-table registers-table">
      <thead>
        <tr>
          <th scope="col">{r.activity.activity}</th>
          <th scope="col">{r.activity.purposes}</th>
          <th scope="col">{r.activity.legalBasis}</th>
          <th scope="col">{r.activity.recipients}</th>
          <th scope="col">{r.activity.retention}</th>
          <th scope="col">
            <span className="visually-hidden">{r.edit}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.activity}</th>
            <td className="prewrap">{a.purposes}</td>
            <td>
              {a.legalBasis ? r.legalBases[a.legalBasis] : <span className="tag tag-fail">{r.activity.noLegalBasis}</span>}
              {a.specialBasis && <span className="tag">Art. 9 {r.specialBases[a.specialBasis]}</span>}
            </td>
            <td className="prewrap">{a.recipients}</td>
            <td className="prewrap">{a.retention}</td>
            <RowActions entry={a} name={a.activity} onEdit={onEdit} onDelete={onDelete} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
