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

interface ToggleGroupProps<T extends string> {
  id: string;
  label: string;
  values: readonly T[];
  selected: ReadonlySet<T>;
  className(value: T): string;
  text(value: T): string;
  count(value: T): number;
  onToggle(value: T): void;
}

/** One labelled group of toggle buttons, each with the number of items it would show. */
function ToggleGroup<T extends string>({ id, label, values, selected, className, text, count, onToggle }: ToggleGroupProps<T>) {
  return (
    <div className="filter-group" role="group" aria-labelledby={id}>
      <span id={id} className="filter-label">
        {label}
      </span>
      {values.map((value) => (
        <button key={value} type="button" className={className(value)} aria-pressed={selected.has(value)} onClick={() => onToggle(value)}>
          {text(value)} <span className="toggle-count">({count(value)})</span>
        </button>
      ))}
    </div>
  );
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
      <ToggleGroup
        id="filter-verdict-label"
        label={t.run.filterVerdict}
        values={STATUSES}
        selected={filters.verdicts}
        className={(status) => `toggle status-toggle status-${status}`}
        text={(status) => t.status[status]}
        count={(status) => items.filter((i) => i.status === status).length}
        onToggle={(status) => onChange({ ...filters, verdicts: toggled(filters.verdicts, status) })}
      />
      <ToggleGroup
        id="filter-severity-label"
        label={t.run.filterSeverity}
        values={SEVERITIES}
        selected={filters.severities}
        className={() => 'toggle'}
        text={(severity) => t.severity[severity]}
        count={(severity) => items.filter((i) => i.severity === severity).length}
        onToggle={(severity) => onChange({ ...filters, severities: toggled(filters.severities, severity) })}
      />
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
