// RFC 3161 §2.4: the TimeStampReq Prüfstand sends (SHA-256 imprint, a random nonce, certReq TRUE) and the
// TimeStampResp it gets back (status, the TSA's free text and failure bits, the token as DER ContentInfo).
import { createHash, randomBytes } from 'node:crypto';
import { bitIndexes, children, DerError, expectTag, readOne, sequence, smallInteger, TAG, type Tlv } from './der';
import { derBoolean, derNull, derOctetString, derOid, derSequence, derUnsignedInteger } from './der-write';
import { OID } from './oids';

export interface TimeStampRequest {
  der: Buffer;
  /** SHA-256 of the stamped bytes. */
  imprint: Buffer;
  /** The nonce's INTEGER content octets, as a TSTInfo must repeat them. */
  nonce: Buffer;
}

export function buildTimeStampRequest(data: Buffer, nonceBytes: Buffer = randomBytes(8)): TimeStampRequest {
  const imprint = createHash('sha256').update(data).digest();
  const nonceDer = derUnsignedInteger(nonceBytes);
  const der = derSequence(
    derUnsignedInteger(Buffer.from([1])),
    derSequence(derSequence(derOid(OID.sha256), derNull()), derOctetString(imprint)),
    nonceDer,
    derBoolean(true),
  );
  return { der, imprint, nonce: readOne(nonceDer, 'nonce').value };
}

export const PKI_STATUS = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'] as const;

/** PKIFailureInfo bit names (RFC 3161 §2.4.2); unnamed bits are reported by number. */
const FAIL_INFO: Record<number, string> = {
  0: 'badAlg',
  2: 'badRequest',
  5: 'badDataFormat',
  14: 'timeNotAvailable',
  15: 'unacceptedPolicy',
  16: 'unacceptedExtension',
  17: 'addInfoNotAvailable',
  25: 'systemFailure',
};

export interface TimeStampResponse {
  status: number;
  /** The status by name, or `status N` for an unknown one. */
  statusName: string;
  /** What the TSA wrote (statusString), control characters removed, each cut to 200 characters. */
  statusText: string[];
  failInfo: string[];
  /** The timeStampToken: a DER ContentInfo; null when the TSA sent none. */
  token: Buffer | null;
}

const MAX_TEXTS = 4;
const MAX_TEXT_CHARS = 200;

/** Text from the TSA, safe to print: no control characters, bounded. */
export const printable = (s: string, max = MAX_TEXT_CHARS) => s.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim().slice(0, max);

function freeText(tlv: Tlv): string[] {
  return children(expectTag(tlv, TAG.SEQUENCE, 'statusString'), 'statusString')
    .slice(0, MAX_TEXTS)
    .map((t) => printable(new TextDecoder('utf-8', { fatal: false }).decode(expectTag(t, TAG.UTF8_STRING, 'statusString').value)));
}

/** Parses a TimeStampResp; throws DerError when the bytes are none. */
export function parseTimeStampResponse(der: Buffer): TimeStampResponse {
  const [statusInfo, token, extra] = sequence(readOne(der, 'TimeStampResp'), 'TimeStampResp');
  if (extra) throw new DerError('TimeStampResp: more than status and token');
  const [statusTlv, ...rest] = sequence(statusInfo, 'PKIStatusInfo');
  const status = smallInteger(statusTlv, 'PKIStatus');
  let statusText: string[] = [];
  let failInfo: string[] = [];
  for (const part of rest) {
    if (part.tag === TAG.SEQUENCE && !statusText.length && !failInfo.length) statusText = freeText(part);
    else if (part.tag === TAG.BIT_STRING && !failInfo.length) failInfo = bitIndexes(part, 'failInfo').map((b) => FAIL_INFO[b] ?? `bit ${b}`);
    else throw new DerError('PKIStatusInfo: unexpected element');
  }
  if (token) expectTag(token, TAG.SEQUENCE, 'timeStampToken');
  return {
    status,
    statusName: PKI_STATUS[status] ?? `status ${status}`,
    statusText,
    failInfo,
    token: token ? Buffer.from(token.bytes) : null,
  };
}

/** granted or grantedWithMods: the only answers that carry a token (RFC 3161 §2.4.2). */
export const isGranted = (r: TimeStampResponse) => r.status === 0 || r.status === 1;
