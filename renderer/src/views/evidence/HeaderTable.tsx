import { useI18n } from '../../i18n/context';

/** Header lines in the order received, names as sent; long values (a CSP …) wrap anywhere. */
export function HeaderTable({ caption, headers }: { caption: string; headers: [string, string][] }) {
  const { t } = useI18n();
  return (
    <table className="data-table header-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.evidence.headerName}</th>
          <th scope="col">{t.evidence.headerValue}</th>
        </tr>
      </thead>
      <tbody>
        {headers.length === 0 && (
          <tr>
            <td colSpan={2} className="muted">
              {t.common.none}
            </td>
          </tr>
        )}
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** yes / no / unknown for the optional booleans of the documents. */
export function useYesNo(): (value: boolean | null | undefined) => string {
  const { t } = useI18n();
  return (value) => (value === null || value === undefined ? t.common.unknown : value ? t.common.yes : t.common.no);
}
