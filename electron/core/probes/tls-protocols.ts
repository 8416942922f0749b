import { TLS_VERSIONS } from '../net/types';
import type { Probe } from './types';

/** One handshake per protocol version (1.0, 1.1, 1.2, 1.3), each pinned to that version alone. */
export const tlsProtocolsProbe: Probe<'tls-protocols'> = {
  id: 'tls-protocols',
  async run({ target, net, evidence: sink }) {
    const handshakes = await Promise.all(TLS_VERSIONS.map((v) => net.handshake(target.url, v)));
    const summary = handshakes.map((h) => `${h.requested}: ${h.accepted ? 'accepted' : `refused (${h.error?.code})`}`).join(', ');
    const doc = handshakes.map((h) => ({
      requested: h.requested,
      accepted: h.accepted,
      negotiated: h.tls?.protocol ?? null,
      cipher: h.tls?.cipher ?? null,
      error: h.error,
      ms: h.ms,
    }));
    const sha = sink.add({
      kind: 'tls-protocols',
      summary: `TLS versions of ${target.url.host}: ${summary}`,
      mediaType: 'application/json',
      content: Buffer.from(JSON.stringify({ host: target.url.host, handshakes: doc }, null, 2)),
      capturedAt: new Date().toISOString(),
    });
    const untestable = handshakes.filter((h) => h.error && h.error.code !== 'tls' && h.error.code !== 'reset');
    if (untestable.length === handshakes.length) {
      return { ok: false, error: untestable[0]!.error!, evidence: [sha] };
    }
    return { ok: true, data: { handshakes }, evidence: [sha] };
  },
};
