import { codingOf } from './body';
import type { Capture } from '../evidence-sink';
import type { Exchange, TlsInfo } from './types';
import { sha256Hex } from './hash';

const EXCERPT_CHARS = 4096;

function tlsSummary(tls: TlsInfo | null) {
  if (!tls) return null;
  const leaf = tls.chain[0];
  return {
    protocol: tls.protocol,
    cipher: tls.cipher,
    trusted: tls.trusted,
    trustError: tls.trustError,
    hostnameMatches: tls.hostnameMatches,
    leafFingerprint256: leaf?.fingerprint256 ?? null,
  };
}

/**
 * Records one HTTP exchange: the capped (decoded) body as its own content-addressed document, then the exchange
 * (request, status, headers, body hash, TLS summary, error) pointing at it. Returns the exchange's hash.
 */
export function exchangeEvidence(exchange: Omit<Exchange, 'evidence'>, capture: Capture): string {
  const capturedAt = new Date().toISOString();
  const { request, response, body } = exchange;
  let bodySha: string | null = null;
  if (body.length > 0) {
    const contentType = response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
    bodySha = capture({
      kind: 'http-body',
      summary: `Body of ${request.method} ${request.url} (${body.length} bytes${exchange.truncated ? ', capped' : ''})`,
      mediaType: contentType.slice(0, 200),
      content: body,
      capturedAt,
    });
  }
  const document = {
    request,
    response,
    body: {
      sha256: bodySha ?? sha256Hex(body),
      bytesKept: body.length,
      /** On the wire; with a content coding, bytesKept counts the decoded bytes. */
      bytesRead: exchange.bodyBytesRead,
      decodedFrom: response ? codingOf(response.headers).coding : null,
      truncated: exchange.truncated,
      excerpt: body.subarray(0, EXCERPT_CHARS).toString('utf8'),
    },
    tls: tlsSummary(exchange.tls),
    remoteAddress: exchange.remoteAddress,
    error: exchange.error,
    startedAt: exchange.startedAt,
    ms: exchange.ms,
  };
  const outcome = response ? `${response.status} ${response.statusText}`.trim() : `failed: ${exchange.error?.message ?? 'no response'}`;
  return capture({
    kind: 'http-exchange',
    summary: `${request.method} ${request.url} → ${outcome}`,
    mediaType: 'application/json',
    content: Buffer.from(JSON.stringify(document, null, 2)),
    capturedAt,
  });
}
