import { useState } from 'react';
import type { ConsentPageView } from '../../../../electron/shared/contract';
import type { TrackingList } from '../../../../electron/shared/consent';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/context';
import { useChannel } from '../../state/useChannel';
import { pageMatrix, type MatrixRow } from './matrix';
import { ScreenshotFigure } from './Screenshot';

/**
 * The consent matrix of a finished run: per landing page what the browser saw before consent, after accepting and
 * after refusing. Shown only when the run has browser visits. Everything the site set is shown as text.
 */
export function ConsentPanel({ runId, onOpenEvidence }: { runId: number; onOpenEvidence(sha256: string): void }) {
  const { t } = useI18n();
  const m = t.consent;
  const { data, error, retry } = useChannel('runs:consent', { runId }, String(runId));

  if (error) return <ErrorBox error={error} onRetry={retry} />;
  if (!data || (data.pages.length === 0 && data.unreadable === 0)) return null;
  return (
    <section className="panel consent-panel" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{m.heading}</h2>
      <p className="muted">{m.intro}</p>
      {data.pages.map((page) => (
        <PageMatrix key={page.url} page={page} tracking={data.tracking} onOpenEvidence={onOpenEvidence} />
      ))}
      {data.unreadable > 0 && <p className="notice">{m.unreadable(data.unreadable)}</p>}
      <p className="muted small">
        {m.trackingSource(data.tracking.source)} · {m.screenshotsKept}
      </p>
    </section>
  );
}

function PageMatrix({ page, tracking, onOpenEvidence }: { page: ConsentPageView; tracking: TrackingList; onOpenEvidence(sha256: string): void }) {
  const { t } = useI18n();
  const m = t.consent;
  const rows = pageMatrix(page, tracking);
  return (
    <div className="consent-page">
      <table className="data-table consent-table">
        <caption>
          {m.page(page.url)} <span className="muted">· {m.browser(page.browser)}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.state}</th>
            <th scope="col">{m.columns.cookies}</th>
            <th scope="col">{m.columns.thirdParties}</th>
            <th scope="col">{m.columns.tracking}</th>
            <th scope="col">{m.columns.storage}</th>
            <th scope="col">{m.columns.clicked}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <MatrixTableRow key={row.state} row={row} onOpenEvidence={onOpenEvidence} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixTableRow({ row, onOpenEvidence }: { row: MatrixRow; onOpenEvidence(sha256: string): void }) {
  const { t } = useI18n();
  const m = t.consent;
  const label = m.rows[row.state];
  const visit = row.visit;
  const record = visit?.evidence.record ?? null;
  const screenshot = visit?.evidence.screenshot ?? null;
  const [shotOpen, setShotOpen] = useState(false);
  return (
    <>
      <tr className={`consent-row consent-${row.state}`}>
        <th scope="row">
          {label}
          {record && (
            <button type="button" className="link-button consent-record" aria-label={m.openRecord(label)} onClick={() => onOpenEvidence(record)}>
              {t.evidence.title}
            </button>
          )}
          {screenshot && (
            <button type="button" className="link-button consent-record" aria-expanded={shotOpen} onClick={() => setShotOpen((o) => !o)}>
              {shotOpen ? m.hideScreenshot : m.showScreenshot}
            </button>
          )}
          {visit?.error && <span className="consent-error">{m.visitError(visit.error.code, visit.error.message)}</span>}
        </th>
        {!visit ? (
          <td colSpan={5} className="muted">
            {m.notVisited}
          </td>
        ) : (
          <>
            <td>
              <Items items={row.cookies.map((c) => ({ key: `${c.name}@${c.domain}`, text: c.name, detail: c.domain, tracker: c.tracker }))} />
            </td>
            <td>
              <Items items={row.matrix.thirdPartyHosts.map((host) => ({ key: host, text: host, detail: null, tracker: null }))} />
            </td>
            <td>
              <Items items={row.trackingRequests.map((r) => ({ key: `${r.tracker}\n${r.host}`, text: r.host, detail: m.requests(r.count), tracker: r.tracker }))} />
            </td>
            <td>
              <Items items={row.storageKeys.map((s) => ({ key: `${s.area}:${s.key}`, text: s.key, detail: m.storageArea[s.area], tracker: s.tracker }))} />
            </td>
            <td>
              <Clicked row={row} />
            </td>
          </>
        )}
      </tr>
      {screenshot && shotOpen && (
        <tr className="consent-screenshot-row">
          <td colSpan={6}>
            <ScreenshotFigure sha256={screenshot} state={label} />
          </td>
        </tr>
      )}
    </>
  );
}

function Items({ items }: { items: { key: string; text: string; detail: string | null; tracker: string | null }[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <span className="muted">{t.consent.none}</span>;
  return (
    <ul className="consent-items">
      {items.map((item) => (
        <li key={item.key} className={item.tracker ? 'consent-tracking' : undefined}>
          <span className="mono consent-item-name">{item.text}</span>
          {item.detail && <span className="muted consent-item-detail">{item.detail}</span>}
          {item.tracker && <span className="tag tag-fail">{t.consent.trackingTag(item.tracker)}</span>}
        </li>
      ))}
    </ul>
  );
}

function Clicked({ row }: { row: MatrixRow }) {
  const { t } = useI18n();
  const m = t.consent;
  const visit = row.visit!;
  const banner = [visit.banner.cmp ? m.banner.cmp(visit.banner.cmp.name) : null, visit.banner.shown ? m.banner.shown : m.banner.notShown].filter(Boolean).join(' · ');
  if (row.state === 'before') return <span className="muted">{banner}</span>;
  return (
    <>
      {visit.clicked ? <span className="mono">{m.quoted(visit.clicked.text)}</span> : <span className="consent-error">{m.noClick}</span>}
      <br />
      <span className="muted small">{banner}</span>
    </>
  );
}
