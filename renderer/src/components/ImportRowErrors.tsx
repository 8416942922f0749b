interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** The rows an import refuses, each with its sheet, row and column as the spreadsheet shows them. */
export function ImportRowErrors({ errors, intro, where }: { errors: readonly RowError[]; intro: string; where(sheet: string, row: number, column: string): string }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-box" role="alert">
      <p>{intro}</p>
      <ul className="import-errors">
        {errors.map((e, i) => (
          <li key={i}>
            <strong>{where(e.sheet, e.row, e.column)}</strong>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
