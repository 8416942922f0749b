import { Fragment } from 'react';
import { useI18n } from '../../i18n/context';
import { useYesNo } from './HeaderTable';
import type { CertificateDoc, TlsHandshakeDoc } from './shapes';

/** The handshake outcome and the certificate chain, leaf first, each with its PEM as text. */
export function TlsHandshake({ doc }: { doc: TlsHandshakeDoc }) {
  const { t, number } = useI18n();
  const yesNo = useYesNo();
  return (
    <>
      <section className="evidence-section">
        <h3>{t.evidence.tls}</h3>
        {doc.error && (
          <p className="error-inline">
            <strong>{t.evidence.netError}:</strong> <span className="mono">{doc.error.code}</span> — {doc.error.message}
          </p>
        )}
        <dl className="facts compact">
          <dt>{t.evidence.host}</dt>
          <dd className="mono">{doc.host}</dd>
          <dt>{t.evidence.port}</dt>
          <dd className="mono">{doc.port}</dd>
          <dt>{t.evidence.protocol}</dt>
          <dd className="mono">{doc.protocol ?? t.common.none}</dd>
          <dt>{t.evidence.cipher}</dt>
          <dd className="mono">{doc.cipher ?? t.common.none}</dd>
          <dt>{t.evidence.trusted}</dt>
          <dd>{yesNo(doc.trusted)}</dd>
          {doc.trustError && (
            <>
              <dt>{t.evidence.trustError}</dt>
              <dd className="mono">{doc.trustError}</dd>
            </>
          )}
          <dt>{t.evidence.hostnameMatches}</dt>
          <dd>{yesNo(doc.hostnameMatches)}</dd>
          {doc.hostnameError && (
            <>
              <dt>{t.evidence.hostnameError}</dt>
              <dd className="mono">{doc.hostnameError}</dd>
            </>
          )}
          {doc.viaExtraCa !== null && doc.viaExtraCa !== undefined && (
            <>
              <dt>{t.evidence.viaExtraCa}</dt>
              <dd>{yesNo(doc.viaExtraCa)}</dd>
            </>
          )}
          <dt>{t.evidence.timing}</dt>
          <dd>{doc.ms === null || doc.ms === undefined ? t.common.none : t.evidence.ms(number(doc.ms))}</dd>
        </dl>
      </section>
      <section className="evidence-section">
        <h3>{t.evidence.chain}</h3>
        {doc.chain.length === 0 && <p className="muted">{t.evidence.noChain}</p>}
        <ol className="chain">
          {doc.chain.map((cert, i) => (
            <Certificate key={`${i}-${cert.fingerprint256}`} cert={cert} index={i} />
          ))}
        </ol>
      </section>
    </>
  );
}

function Certificate({ cert, index }: { cert: CertificateDoc; index: number }) {
  const { t, dateTime } = useI18n();
  const bits = cert.keyBits === null || cert.keyBits === undefined ? t.common.unknown : String(cert.keyBits);
  return (
    <li className="certificate">
      <h4>
        {t.evidence.certificate(index + 1)} {index === 0 ? t.evidence.leaf : ''}
      </h4>
      <dl className="facts compact">
        <dt>{t.evidence.subject}</dt>
        <dd className="mono">{cert.subject}</dd>
        <dt>{t.evidence.issuer}</dt>
        <dd className="mono">{cert.issuer}</dd>
        <dt>{t.evidence.san}</dt>
        <dd>
          {cert.subjectAltNames.length === 0 ? (
            t.common.none
          ) : (
            <ul className="plain-list mono">
              {cert.subjectAltNames.map((san, i) => (
                <li key={i}>{san}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.evidence.validFrom}</dt>
        <dd>{dateTime(cert.validFrom)}</dd>
        <dt>{t.evidence.validTo}</dt>
        <dd>{dateTime(cert.validTo)}</dd>
        <dt>{t.evidence.key}</dt>
        <dd>{t.evidence.keyBits(cert.keyType, bits)}</dd>
        <dt>{t.evidence.serial}</dt>
        <dd className="mono">{cert.serialNumber}</dd>
        <dt>{t.evidence.fingerprint}</dt>
        <dd className="mono">
          <Colons value={cert.fingerprint256} />
        </dd>
      </dl>
      <p className="label">{t.evidence.pem}</p>
      <pre className="evidence-text pem" tabIndex={0} aria-label={`${t.evidence.pem} ${t.evidence.certificate(index + 1)}`}>
        {cert.pem}
      </pre>
    </li>
  );
}

/** A colon-separated fingerprint that may wrap after any colon rather than inside a byte. */
function Colons({ value }: { value: string }) {
  const parts = value.split(':');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && ':'}
          <wbr />
        </Fragment>
      ))}
    </>
  );
}
