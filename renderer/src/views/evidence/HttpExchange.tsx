import { useI18n } from '../../i18n/context';
import { HeaderTable, useYesNo } from './HeaderTable';
import type { HttpExchangeDoc } from './shapes';

function statusLine(response: NonNullable<HttpExchangeDoc['response']>): string {
  const version = response.httpVersion.toUpperCase().startsWith('HTTP') ? response.httpVersion : `HTTP/${response.httpVersion}`;
  return `${version} ${response.status} ${response.statusText}`.trim();
}

/** Request and response with their headers, timing, TLS summary and the body excerpt — all as text. */
export function HttpExchange({ doc, onOpen }: { doc: HttpExchangeDoc; onOpen(sha256: string): void }) {
  const { t, dateTime, number } = useI18n();
  const yesNo = useYesNo();
  const { request, response, body, tls, error } = doc;
  return (
    <>
      <section className="evidence-section">
        <h3>{t.evidence.request}</h3>
        <p className="mono request-line">
          {request.method} {request.url}
        </p>
        <HeaderTable caption={t.evidence.requestHeaders} headers={request.headers} />
      </section>

      <section className="evidence-section">
        <h3>{t.evidence.response}</h3>
        {error && (
          <p className="error-inline">
            <strong>{t.evidence.netError}:</strong> <span className="mono">{error.code}</span> — {error.message}
          </p>
        )}
        {response ? (
          <>
            <dl className="facts compact">
              <dt>{t.evidence.statusLine}</dt>
              <dd className="mono" data-testid="evidence-status-line">
                {statusLine(response)}
              </dd>
            </dl>
            <HeaderTable caption={t.evidence.responseHeaders} headers={response.headers} />
          </>
        ) : (
          <p className="muted">{t.evidence.noResponse}</p>
        )}
      </section>

      <section className="evidence-section">
        <h3>{t.evidence.timingHeading}</h3>
        <dl className="facts compact">
          <dt>{t.evidence.startedAt}</dt>
          <dd>{dateTime(doc.startedAt)}</dd>
          <dt>{t.evidence.timing}</dt>
          <dd>{doc.ms === null || doc.ms === undefined ? t.common.none : t.evidence.ms(number(doc.ms))}</dd>
        </dl>
      </section>

      <section className="evidence-section">
        <h3>{t.evidence.tls}</h3>
        {tls ? (
          <dl className="facts compact">
            <dt>{t.evidence.protocol}</dt>
            <dd className="mono">{tls.protocol ?? t.common.none}</dd>
            <dt>{t.evidence.cipher}</dt>
            <dd className="mono">{tls.cipher ?? t.common.none}</dd>
            <dt>{t.evidence.trusted}</dt>
            <dd>{yesNo(tls.trusted)}</dd>
            {tls.trustError && (
              <>
                <dt>{t.evidence.trustError}</dt>
                <dd className="mono">{tls.trustError}</dd>
              </>
            )}
            <dt>{t.evidence.hostnameMatches}</dt>
            <dd>{yesNo(tls.hostnameMatches)}</dd>
            <dt>{t.evidence.leafFingerprint}</dt>
            <dd className="mono">{tls.leafFingerprint256 ?? t.common.none}</dd>
          </dl>
        ) : (
          <p className="muted">{t.evidence.noTls}</p>
        )}
      </section>

      <section className="evidence-section">
        <h3>{t.evidence.body}</h3>
        {!body || body.bytesKept === 0 ? (
          <p className="muted">{t.evidence.bodyEmpty}</p>
        ) : (
          <>
            <p>
              {t.evidence.bodyBytes(number(body.bytesKept), number(body.bytesRead))}
              {body.truncated ? ` — ${t.evidence.truncated}` : ''}
            </p>
            <pre className="evidence-text" tabIndex={0} aria-label={t.evidence.bodyExcerpt}>
              {body.excerpt}
            </pre>
            <button type="button" onClick={() => onOpen(body.sha256)}>
              {t.evidence.openBody}
            </button>
          </>
        )}
      </section>
    </>
  );
}
