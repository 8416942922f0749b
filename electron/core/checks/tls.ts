import type { Finding } from '../../shared/domain';
import { redirectTargetOf } from '../net/types';
import { errorFinding, finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR } from './types';

const PERMANENT = new Set([301, 308]);
const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 21;
const MIN_KEY_BITS = { RSA: 2048, EC: 256 } as const;

export const tlsRedirect = defineCheck({
  id: 'tls.redirect',
  probes: ['http-redirect', 'tls-certificate'],
  codes: ['redirect-ok', 'no-http-service', 'redirect-temporary', 'redirect-other-host', 'redirect-initial-http', 'no-redirect', 'redirect-to-http', PROBE_ERROR],
  evaluate({ 'http-redirect': probe, 'tls-certificate': https }) {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const { exchanges, connectError } = probe.data;
    const first = exchanges[0];
    // A closed HTTP port only means "nothing unencrypted" if the host answers at all.
    if (connectError && !https.ok) return probeError(https.error, [...probe.evidence, ...https.evidence]);
    if (connectError || !first?.response) return outcome([finding('no-http-service', 'pass', { url: first?.request.url ?? '' })], probe.evidence);
    const status = first.response.status;
    const next = redirectTargetOf(first);
    if (!next) return outcome([finding('no-redirect', 'fail', { status })], probe.evidence);
    const location = next.href;
    const from = new URL(first.request.url);
    if (next.protocol !== 'https:') {
      const endsSecure = exchanges.some((e) => e.request.url.startsWith('https:') && e.response);
      return outcome([finding(endsSecure ? 'redirect-initial-http' : 'redirect-to-http', endsSecure ? 'warn' : 'fail', { location })], probe.evidence);
    }
    if (next.hostname !== from.hostname) return outcome([finding('redirect-other-host', 'warn', { location })], probe.evidence);
    const code = PERMANENT.has(status) ? 'redirect-ok' : 'redirect-temporary';
    return outcome([finding(code, code === 'redirect-ok' ? 'pass' : 'warn', { status, location })], probe.evidence);
  },
});

export const tlsCertificate = defineCheck({
  id: 'tls.certificate',
  probes: ['tls-certificate'],
  codes: ['cert-ok', 'cert-expires-soon', 'cert-expired', 'cert-not-yet-valid', 'cert-untrusted', 'cert-hostname-mismatch', 'cert-weak-key', 'cert-private-ca', PROBE_ERROR],
  evaluate({ 'tls-certificate': probe }, now: Date = new Date()) {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const { handshake, extraCaName } = probe.data;
    const tls = handshake.tls!;
    const leaf = tls.chain[0];
    if (!leaf) return outcome([finding('cert-untrusted', 'fail', { reason: 'no certificate presented' })], probe.evidence);
    const findings: Finding[] = [];
    const validTo = new Date(leaf.validTo);
    const validFrom = new Date(leaf.validFrom);
    const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
    const dateProblem = validTo < now || validFrom > now;
    if (validTo < now) findings.push(finding('cert-expired', 'fail', { validTo: leaf.validTo }));
    if (validFrom > now) findings.push(finding('cert-not-yet-valid', 'fail', { validFrom: leaf.validFrom }));
    // OpenSSL reports an expired chain as untrusted too; the date finding already says why.
    if (!tls.trusted && !(dateProblem && /EXPIRED|NOT_YET_VALID/.test(tls.trustError ?? ''))) {
      findings.push(finding('cert-untrusted', 'fail', { reason: tls.trustError ?? 'unknown' }));
    }
    if (tls.hostnameMatches === false) {
      findings.push(finding('cert-hostname-mismatch', 'fail', { host: handshake.host, names: leaf.subjectAltNames }));
    }
    const minimum = leaf.keyType === 'other' ? null : MIN_KEY_BITS[leaf.keyType];
    if (minimum !== null && (leaf.keyBits ?? 0) < minimum) {
      findings.push(finding('cert-weak-key', 'fail', { keyType: leaf.keyType, keyBits: leaf.keyBits ?? 0 }));
    }
    if (!dateProblem && daysLeft < EXPIRY_WARNING_DAYS) {
      findings.push(finding('cert-expires-soon', 'warn', { daysLeft, validTo: leaf.validTo }));
    }
    if (findings.every((f) => f.status === 'pass')) {
      findings.unshift(finding('cert-ok', 'pass', { subject: leaf.subject, issuer: leaf.issuer, daysLeft, keyType: leaf.keyType, keyBits: leaf.keyBits ?? 0 }));
    }
    if (tls.viaExtraCa && extraCaName) findings.push(finding('cert-private-ca', 'pass', { file: extraCaName }));
    return outcome(findings, probe.evidence);
  },
});

export const tlsProtocols = defineCheck({
  id: 'tls.protocols',
  probes: ['tls-protocols'],
  codes: ['protocols-ok', 'protocols-legacy', 'protocols-no-modern', 'protocols-no-tls13', PROBE_ERROR],
  evaluate({ 'tls-protocols': probe }) {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const { handshakes } = probe.data;
    const accepted = handshakes.filter((h) => h.accepted).map((h) => String(h.requested));
    const findings: Finding[] = [];
    const legacy = accepted.filter((v) => v === 'TLSv1' || v === 'TLSv1.1');
    const modern = accepted.filter((v) => v === 'TLSv1.2' || v === 'TLSv1.3');
    // A version whose handshake failed for network reasons was not tested: that is an error, not a refusal.
    for (const h of handshakes) {
      if (!h.accepted && h.error && h.error.code !== 'tls' && h.error.code !== 'reset') {
        findings.push(errorFinding(PROBE_ERROR, h.error.code, { error: `${h.requested}: ${h.error.message}` }));
      }
    }
    if (legacy.length) findings.push(finding('protocols-legacy', 'fail', { versions: legacy }));
    if (!modern.length) findings.push(finding('protocols-no-modern', 'fail'));
    if (!findings.length) findings.push(finding('protocols-ok', 'pass', { accepted }));
    if (modern.length && !accepted.includes('TLSv1.3')) findings.push(finding('protocols-no-tls13', 'pass'));
    return outcome(findings, probe.evidence);
  },
});

export const TLS_CHECKS = [tlsRedirect, tlsCertificate, tlsProtocols];
