import type { ReactNode } from 'react';
import type { EvidenceView } from '../../../../electron/shared/contract';
import { useI18n } from '../../i18n/context';
import { HttpExchange } from './HttpExchange';
import { httpExchangeDoc, tlsHandshakeDoc, tlsProtocolsDoc } from './shapes';
import { TlsHandshake } from './TlsHandshake';
import { TlsProtocols } from './TlsProtocols';

/** The document by kind; an unknown kind or an unexpected shape is shown as its text. */
export function EvidenceBody({ view, onOpen }: { view: EvidenceView; onOpen(sha256: string): void }) {
  const { t } = useI18n();
  const structured = view.kind === 'http-exchange' || view.kind === 'tls-handshake' || view.kind === 'tls-protocols';
  if (structured && view.json !== null && view.json !== undefined) {
    if (view.kind === 'http-exchange') {
      const doc = httpExchangeDoc.safeParse(view.json);
      if (doc.success) return withRaw(<HttpExchange doc={doc.data} onOpen={onOpen} />, view);
    } else if (view.kind === 'tls-handshake') {
      const doc = tlsHandshakeDoc.safeParse(view.json);
      if (doc.success) return withRaw(<TlsHandshake doc={doc.data} />, view);
    } else {
      const doc = tlsProtocolsDoc.safeParse(view.json);
      if (doc.success) return withRaw(<TlsProtocols doc={doc.data} />, view);
    }
  }
  return (
    <section className="evidence-section">
      {structured && <p className="notice">{t.evidence.unknownShape}</p>}
      <RawText view={view} />
    </section>
  );
}

function withRaw(content: ReactNode, view: EvidenceView) {
  return (
    <>
      {content}
      <details className="raw-details">
        <RawSummary />
        <RawText view={view} />
      </details>
    </>
  );
}

function RawSummary() {
  const { t } = useI18n();
  return <summary>{t.evidence.raw}</summary>;
}

function RawText({ view }: { view: EvidenceView }) {
  const { t } = useI18n();
  return (
    <>
      <pre className="evidence-text" tabIndex={0} aria-label={t.evidence.raw}>
        {view.text}
      </pre>
      {view.truncated && <p className="notice">{t.evidence.truncated}</p>}
    </>
  );
}
