import { useI18n } from '../../i18n/context';
import { useYesNo } from './HeaderTable';
import type { TlsProtocolsDoc } from './shapes';

/** One row per protocol version tried. */
export function TlsProtocols({ doc }: { doc: TlsProtocolsDoc }) {
  const { t, number } = useI18n();
  const yesNo = useYesNo();
  return (
    <section className="evidence-section">
      <h3>{t.evidence.protocols}</h3>
      <p>
        {t.evidence.host}: <span className="mono">{doc.host}</span>
      </p>
      <table className="data-table protocols-table">
        <caption className="visually-hidden">{t.evidence.protocols}</caption>
        <thead>
          <tr>
            <th scope="col">{t.evidence.requested}</th>
            <th scope="col">{t.evidence.accepted}</th>
            <th scope="col">{t.evidence.negotiated}</th>
            <th scope="col">{t.evidence.cipher}</th>
            <th scope="col">{t.evidence.error}</th>
            <th scope="col" className="num">
              {t.evidence.timing}
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.handshakes.map((h, i) => (
            <tr key={i}>
              <th scope="row" className="mono">
                {h.requested}
              </th>
              <td>{yesNo(h.accepted)}</td>
              <td className="mono">{h.negotiated ?? t.common.none}</td>
              <td className="mono">{h.cipher ?? t.common.none}</td>
              <td>{h.error ? `${h.error.code}: ${h.error.message}` : t.common.none}</td>
              <td className="num">{h.ms === null || h.ms === undefined ? t.common.none : t.evidence.ms(number(h.ms))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
