// The CLI's texts for `pruefstand pack` and trusted time stamps (`--tsa URL` on pack, report and audit;
// `verify --tsa-cert FILE`), German and English.
import type { TimestampErrorCode } from '../core/timestamp/errors';
import type { TimestampProblemCode } from '../core/timestamp/verify-token';
import type { Lang } from '../shared/domain';
import { fillTemplate } from './texts';

const de = {
  packNeedsOut: 'wohin? Geben Sie --out DATEI an (pruefstand pack <Lauf> --out paket.zip)',
  tsaInvalidUrl: '--tsa erwartet die http- oder https-URL eines Zeitstempeldienstes (RFC 3161), nicht „{value}“',
  tsaNeedsPack: '--tsa versieht das Evidenzpaket mit einem Zeitstempel: geben Sie auch --pack DATEI an',
  tsaCertUnreadable: 'TSA-Zertifikat {file}: {reason}',
  tsaFailed: 'Evidenzpaket NICHT geschrieben ({file}): kein Zeitstempel von {url}: {reason}',
  tsaFailedAfterAudit: 'Der Lauf ist gespeichert; das Paket später schreiben: pruefstand pack {runId} --out DATEI --tsa URL',
  errInvalidUrl: 'keine http- oder https-URL',
  errUnreachable: 'Zeitstempeldienst nicht erreichbar ({detail})',
  errTls: 'das https-Zertifikat des Zeitstempeldienstes ist nicht vertrauenswürdig ({detail}); seine CA mit --ca DATEI angeben',
  errTimeout: 'keine vollständige Antwort in der Zeit ({detail}; --timeout-ms)',
  errHttpStatus: 'der Dienst antwortete mit HTTP {httpStatus}',
  errTooLarge: 'die Antwort ist zu groß ({detail})',
  errBadResponse: 'die Antwort ist keine RFC-3161-Zeitstempelantwort ({detail})',
  errRejected: 'der Dienst lehnte die Anfrage ab: {pkiStatus}{failInfo}{statusText}',
  errNonce: 'der Zeitstempel gehört zu einer anderen Anfrage (Nonce weicht ab: eine wiederholte alte Antwort?)',
  errImprint: 'der Zeitstempel gilt anderen Daten als diesem Manifest',
  errBadToken: 'der Zeitstempel besteht seine Prüfung nicht ({detail})',
  timestamped: 'Zeitstempel: {time} von {tsa} (Seriennummer {serial})',
  tsUnknownTsa: 'unbekannter TSA',
  tsCert: 'TSA-Zertifikat (SHA-256): {fingerprint}',
  tsCompare: 'Prüfen Sie, ob Sie dieser TSA vertrauen (oder geben Sie ihr Zertifikat oder ihre CA mit --tsa-cert vor).',
  tsTrusted: 'TSA wie erwartet (--tsa-cert).',
  kindUntrusted: 'NICHT VERTRAUENSWÜRDIG',
  probUnreadable: 'kein lesbarer RFC-3161-Zeitstempel',
  probAlgorithm: 'nicht unterstütztes oder zu schwaches Verfahren',
  probImprint: 'der Zeitstempel gilt einem anderen Manifest (manifest.json verändert oder Zeitstempel ausgetauscht)',
  probDigest: 'die signierten Angaben passen nicht zum Zeitstempel (Zeitstempel verändert)',
  probSignature: 'die Signatur des Zeitstempels ist ungültig',
  probSignerUnknown: 'das Zertifikat des Unterzeichners fehlt',
  probSignerCert: 'das Zertifikat passt nicht zur Angabe im Zeitstempel (signingCertificate)',
  probNotTimestamping: 'das Zertifikat ist nicht für Zeitstempel bestimmt (extendedKeyUsage timeStamping, kritisch)',
  probValidity: 'der Zeitpunkt liegt außerhalb der Gültigkeit des Zertifikats',
  probUntrusted: 'der Zeitstempel ist weder vom angegebenen TSA-Zertifikat noch von einem, das es ausgestellt hat (--tsa-cert)',
  probMissing: 'kein Zeitstempel im Paket, obwohl --tsa-cert ihn verlangt',
};

const en: typeof de = {
  packNeedsOut: 'where to? Give --out FILE (pruefstand pack <run> --out pack.zip)',
  tsaInvalidUrl: '--tsa takes the http or https URL of a time-stamping authority (RFC 3161), not "{value}"',
  tsaNeedsPack: '--tsa puts a time stamp on the evidence pack: give --pack FILE as well',
  tsaCertUnreadable: 'TSA certificate {file}: {reason}',
  tsaFailed: 'Evidence pack NOT written ({file}): no time stamp from {url}: {reason}',
  tsaFailedAfterAudit: 'The run is stored; write the pack later: pruefstand pack {runId} --out FILE --tsa URL',
  errInvalidUrl: 'not an http or https URL',
  errUnreachable: 'the time-stamping authority is unreachable ({detail})',
  errTls: "the time-stamping authority's https certificate is not trusted ({detail}); give its CA with --ca FILE",
  errTimeout: 'no complete answer in time ({detail}; --timeout-ms)',
  errHttpStatus: 'it answered HTTP {httpStatus}',
  errTooLarge: 'the answer is too large ({detail})',
  errBadResponse: 'the answer is no RFC 3161 time-stamp response ({detail})',
  errRejected: 'it refused the request: {pkiStatus}{failInfo}{statusText}',
  errNonce: 'the token answers another request (the nonce differs: a replayed old answer?)',
  errImprint: 'the token is over other data than this manifest',
  errBadToken: 'the token fails its checks ({detail})',
  timestamped: 'Timestamp: {time} from {tsa} (serial {serial})',
  tsUnknownTsa: 'an unknown TSA',
  tsCert: 'TSA certificate (SHA-256): {fingerprint}',
  tsCompare: 'Check that you trust this TSA (or pin its certificate or CA with --tsa-cert).',
  tsTrusted: 'TSA as expected (--tsa-cert).',
  kindUntrusted: 'NOT TRUSTED',
  probUnreadable: 'no readable RFC 3161 time-stamp token',
  probAlgorithm: 'an unsupported or too weak algorithm',
  probImprint: 'the token is for another manifest (manifest.json changed or the token swapped)',
  probDigest: 'the signed attributes do not match the token (token changed)',
  probSignature: "the token's signature is invalid",
  probSignerUnknown: "the signer's certificate is missing",
  probSignerCert: 'the certificate does not match the one the token names (signingCertificate)',
  probNotTimestamping: 'the certificate is not for time stamping (extendedKeyUsage timeStamping, critical)',
  probValidity: "the time lies outside the certificate's validity",
  probUntrusted: 'the token is neither from the given TSA certificate nor from one it issued (--tsa-cert)',
  probMissing: 'no time stamp in the pack, though --tsa-cert asks for one',
};

export type TimestampTextKey = keyof typeof de;

export function ttext(lang: Lang, key: TimestampTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}

export const ERROR_TEXT: Record<TimestampErrorCode, TimestampTextKey> = {
  'invalid-url': 'errInvalidUrl',
  unreachable: 'errUnreachable',
  tls: 'errTls',
  timeout: 'errTimeout',
  'http-status': 'errHttpStatus',
  'too-large': 'errTooLarge',
  'bad-response': 'errBadResponse',
  rejected: 'errRejected',
  'nonce-mismatch': 'errNonce',
  'imprint-mismatch': 'errImprint',
  'bad-token': 'errBadToken',
};

export const PROBLEM_TEXT: Record<TimestampProblemCode, TimestampTextKey> = {
  unreadable: 'probUnreadable',
  'unsupported-algorithm': 'probAlgorithm',
  'imprint-mismatch': 'probImprint',
  'content-digest-mismatch': 'probDigest',
  'signature-invalid': 'probSignature',
  'signer-unknown': 'probSignerUnknown',
  'signer-cert-mismatch': 'probSignerCert',
  'not-timestamping': 'probNotTimestamping',
  'outside-validity': 'probValidity',
  untrusted: 'probUntrusted',
  missing: 'probMissing',
};

/** The kind of each problem, as the other pack problems name theirs (changed, unreadable …). */
export const PROBLEM_KIND: Record<TimestampProblemCode, 'changed' | 'removed' | 'unreadable' | 'untrusted'> = {
  unreadable: 'unreadable',
  'unsupported-algorithm': 'unreadable',
  'imprint-mismatch': 'changed',
  'content-digest-mismatch': 'changed',
  'signature-invalid': 'changed',
  'signer-unknown': 'unreadable',
  'signer-cert-mismatch': 'changed',
  'not-timestamping': 'untrusted',
  'outside-validity': 'untrusted',
  untrusted: 'untrusted',
  missing: 'removed',
};

/** Problems whose technical detail helps the reader. */
export const SHOW_PROBLEM_DETAIL = new Set<TimestampProblemCode>(['unreadable', 'unsupported-algorithm', 'not-timestamping', 'outside-validity', 'untrusted']);
