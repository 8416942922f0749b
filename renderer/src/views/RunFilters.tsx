import type { ItemView } from '../../../electron/shared/contract';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../../../electron/shared/domain';
import { useI18n } from '../i18n/context';

export interface Filters {
  /** Empty: every verdict. */
  verdicts: ReadonlySet<Status>;
  /** Empty: every severity. */
  severities: ReadonlySet<Severity>;
}

interface RunFiltersProps {
  items: ItemView[];
  filters: Filters;
  onChange(filters: Filters): void;
  shown: number;
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** Toggle buttons (aria-pressed) per verdict and severity; none pressed in a group means all. */
export function RunFilters({ items, filters, onChange, shown }: RunFiltersProps) {
  const { t } = useI18n();
  const active = filters.verdicts.size + filters.severities.size > 0;
  return (
    <section className="panel filters" aria-labelledby="run-filters-heading">
      <h2 id="run-filters-heading" className="small-heading">
        {t.run.filters}
      </h2>
      <div className="filter-group" role="group" aria-labelledby="filter-verdict-label">
        <span id="filter-verdict-label" className="filter-label">
          {t.run.filterVerdict}
        </span>
        {STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`toggle status-toggle status-${status}`}
            aria-pressed={filters.verdicts.has(status)}
            onClick={() => onChange({ ...filters, verdicts: toggled(filters.verdicts, status) })}
          >
            {t.status[status]} <span className="toggle-count">({items.filter((i) => i.status === status).length})</span>
          </button>
        ))}
      </div>
      <div className="filter-group" role="group" aria-labelledby="filter-severity-label">
        <span id="filter-severity-label" className="filter-label">
          {t.run.filterSeverity}
        </span>
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className="toggle"
            aria-pressed={filters.severities.has(severity)}
            onClick={() => onChange({ ...filters, severities: toggled(filters.severities, severity) })}
          >
            {t.severity[severity]} <span className="toggle-count">({items.filter((i) => i.severity === severity).length})</span>
          </button>
        ))}
      </div>
      <div className="filter-footer">
        <p className="muted" aria-live="polite">
          {t.run.showing(shown, items.length)}
        </p>
        <button
          type="button"
          className="small"
          aria-disabled={!active}
          onClick={() => active && onChange({ verdicts: new Set(), severities: new Set() })}
        >
          {t.run.resetFilters}
        </button>
      </div>
    </section>
  );
}
