import type { Probe } from './types';

/** Completes one handshake as a browser would and keeps the certificate chain and its validation as evidence. */
export const tlsCertificateProbe: Probe<'tls-certificate'> = {
  id: 'tls-certificate',
  async run({ target, net, evidence: sink }) {
    const handshake = await net.handshake(target.url, 'default');
    const tls = handshake.tls;
    const leaf = tls?.chain[0];
    const outcome = !tls
      ? `failed: ${handshake.error?.message}`
      : `${tls.protocol}, ${leaf?.subject ?? 'no certificate'}${tls.trusted ? '' : `, untrusted (${tls.trustError})`}${tls.hostnameMatches === false ? ', hostname mismatch' : ''}`;
    const sha = sink.add({
      kind: 'tls-handshake',
      summary: `TLS handshake with ${target.url.host}: ${outcome}`,
      mediaType: 'application/json',
      content: Buffer.from(JSON.stringify({ host: handshake.host, port: handshake.port, error: handshake.error, ms: handshake.ms, ...tls }, null, 2)),
      capturedAt: new Date().toISOString(),
    });
    if (!handshake.accepted || !tls) {
      return { ok: false, error: handshake.error ?? { code: 'tls', message: 'handshake failed' }, evidence: [sha] };
    }
    return { ok: true, data: { handshake, extraCaName: net.options.extraCaPem ? (net.options.extraCaName ?? 'extra CA') : null }, evidence: [sha] };
  },
};
