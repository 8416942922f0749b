// `--tsa URL` (with `--ca FILE` and `--timeout-ms N`) on pack, report and audit, and `--tsa-cert FILE` on verify:
// checked here, so a bad value is a usage error before anything runs; and the lines that tell what came of it.
import { readFileSync } from 'node:fs';
import type { X509Certificate } from 'node:crypto';
import { engineVersion } from '../core/package-root';
import type { TimestampRequestOptions } from '../core/timestamp/client';
import type { TimestampError } from '../core/timestamp/errors';
import type { TimestampInfo } from '../core/timestamp/verify-token';
import type { Lang } from '../shared/domain';
import { UsageError } from './usage-error';
import { ERROR_TEXT, ttext } from './timestamp-texts';

/** The TSA's URL, or null without --tsa; anything but http(s) is a usage error. */
export function tsaUrl(raw: string | undefined, lang: Lang): URL | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(ttext(lang, 'tsaInvalidUrl', { value: raw }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(ttext(lang, 'tsaInvalidUrl', { value: raw }));
  return url;
}

export function timestampRequest(url: URL | null, extraCaPem: string | undefined, timeoutMs: number): TimestampRequestOptions | undefined {
  return url ? { url, timeoutMs, extraCaPem, userAgent: `Pruefstand/${engineVersion()} (RFC 3161 client)` } : undefined;
}

/** The certificates of --tsa-cert FILE (the TSA's or its CA's, PEM); a usage error when there is none. */
export async function readTsaCertificates(file: string, lang: Lang): Promise<X509Certificate[]> {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(ttext(lang, 'tsaCertUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  const { certificatesFromPem } = await import('../core/timestamp/cert.js');
  try {
    return certificatesFromPem(pem);
  } catch (err) {
    throw new UsageError(ttext(lang, 'tsaCertUnreadable', { file, reason: (err as Error).message }));
  }
}

/** Why the pack was not written, in the user's language. */
export function timestampFailure(err: TimestampError, file: string, lang: Lang): string {
  const p = err.params;
  const reason = ttext(lang, ERROR_TEXT[err.code], {
    detail: p.detail ?? '',
    httpStatus: p.httpStatus ?? 0,
    pkiStatus: p.pkiStatus ?? '',
    failInfo: p.failInfo?.length ? ` (${p.failInfo.join(', ')})` : '',
    statusText: p.statusText?.length ? ` – "${p.statusText.join(' ')}"` : '',
  });
  return ttext(lang, 'tsaFailed', { file, url: err.url, reason });
}

/** "Timestamp: <time> from <TSA> (serial …)" */
export const timestampLine = (info: TimestampInfo, lang: Lang) =>
  ttext(lang, 'timestamped', { time: info.genTime, tsa: info.tsa ?? ttext(lang, 'tsUnknownTsa'), serial: info.serial });
