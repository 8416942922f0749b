// Asks an RFC 3161 time-stamping authority for a token over some bytes (the pack's manifest.json) and keeps it
// only when it is the answer to this very request (nonce and imprint) and passes its own offline checks.
import { DerError } from './der';
import { TimestampError } from './errors';
import { displayUrl, postTimestampQuery } from './http';
import { buildTimeStampRequest, isGranted, parseTimeStampResponse } from './request';
import { MAX_TOKEN_BYTES, parseToken } from './token';
import { verifyTimestampToken, type TimestampInfo } from './verify-token';

export interface TimestampRequestOptions {
  url: URL;
  /** Whole-exchange deadline. */
  timeoutMs: number;
  /** Extra CA certificates (PEM) for an https TSA. */
  extraCaPem?: string;
  userAgent?: string;
}

export interface Timestamp {
  /** The token: a DER ContentInfo, as it goes into the pack. */
  token: Buffer;
  info: TimestampInfo;
}

export const DEFAULT_TSA_TIMEOUT_MS = 10_000;
/** A TimeStampResp is the token plus a few bytes of status. */
const MAX_RESPONSE_BYTES = MAX_TOKEN_BYTES + 16 * 1024;

export async function requestTimestamp(data: Buffer, options: TimestampRequestOptions): Promise<Timestamp> {
  const shown = displayUrl(options.url);
  const request = buildTimeStampRequest(data);
  const body = await postTimestampQuery(options.url, request.der, {
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_RESPONSE_BYTES,
    extraCaPem: options.extraCaPem,
    userAgent: options.userAgent ?? 'pruefstand',
  });
  let response;
  try {
    response = parseTimeStampResponse(body);
  } catch (err) {
    throw new TimestampError('bad-response', shown, { detail: `not a TimeStampResp: ${(err as Error).message}` }, { cause: err });
  }
  if (!isGranted(response)) {
    throw new TimestampError('rejected', shown, { pkiStatus: response.statusName, failInfo: response.failInfo, statusText: response.statusText });
  }
  if (!response.token) throw new TimestampError('bad-response', shown, { detail: `${response.statusName} without a token` });
  let tstInfo;
  try {
    tstInfo = parseToken(response.token).tstInfo;
  } catch (err) {
    throw new TimestampError('bad-token', shown, { detail: err instanceof DerError ? err.message : String(err) }, { cause: err });
  }
  if (!tstInfo.nonce || !tstInfo.nonce.equals(request.nonce)) {
    throw new TimestampError('nonce-mismatch', shown, { detail: tstInfo.nonce ? `sent 0x${request.nonce.toString('hex')}, got 0x${tstInfo.nonce.toString('hex')}` : 'the token has no nonce' });
  }
  if (!tstInfo.imprint.equals(request.imprint)) throw new TimestampError('imprint-mismatch', shown);
  const checked = verifyTimestampToken(response.token, data);
  if (checked.problems.length || !checked.info) {
    throw new TimestampError('bad-token', shown, { detail: checked.problems.map((p) => (p.detail ? `${p.code}: ${p.detail}` : p.code)).join('; ') });
  }
  return { token: response.token, info: checked.info };
}
