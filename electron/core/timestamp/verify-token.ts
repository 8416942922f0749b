// Checks a time-stamp token offline: that it is the TSA's signature (RFC 5652 §5.4–5.6) over a TSTInfo whose
// messageImprint is the hash of the given bytes, made with a certificate fit for time stamping (RFC 3161 §2.3)
// and identified by ESSCertID/ESSCertIDv2 (RFC 2634/5035) — and, when the caller names the TSA's certificate or
// its CA, that the signer is that certificate or is issued by it. Never throws: each failure is a problem.
import { constants, createHash, verify, type X509Certificate } from 'node:crypto';
import { DerError, oid, TAG } from './der';
import { nameLine, readCertificate, subjectLine, type TokenCertificate } from './cert';
import { signingCertHash } from './ess';
import { HASH_BY_OID, OID, SIGNATURE_BY_OID, WEAK_HASHES } from './oids';
import { parseToken, type ParsedToken } from './token';

export type TimestampProblemCode =
  | 'unreadable' // not an RFC 3161 token, or one we cannot read
  | 'unsupported-algorithm' // a hash or signature algorithm not supported (or too weak)
  | 'imprint-mismatch' // the token is for other bytes (another manifest)
  | 'content-digest-mismatch' // the signed messageDigest is not the hash of the TSTInfo: the token was changed
  | 'signature-invalid' // the signature over the signed attributes does not verify
  | 'signer-unknown' // no certificate for the signer in the token (nor the one given)
  | 'signer-cert-mismatch' // the signingCertificate attribute is missing or names another certificate
  | 'not-timestamping' // the signer's certificate is not for time stamping (extendedKeyUsage)
  | 'outside-validity' // genTime lies outside the signer certificate's validity
  | 'untrusted' // the signer is neither the given TSA certificate nor issued by it
  | 'missing'; // a TSA certificate was given but there is no token

export interface TimestampProblem {
  code: TimestampProblemCode;
  /** Technical detail, English. */
  detail?: string;
}

export interface TimestampInfo {
  /** genTime, ISO 8601 UTC. */
  genTime: string;
  /** The signer certificate's subject ("CN=…, O=…"); null when no certificate for the signer was found. */
  tsa: string | null;
  /** The token's serial number, hex. */
  serial: string;
  policy: string;
  /** SHA-256 of the signer certificate (colon-separated hex, as Node prints it). */
  tsaCertFingerprint: string | null;
}

export interface TokenVerification {
  info: TimestampInfo | null;
  problems: TimestampProblem[];
  /** null: no TSA certificate was given to check the signer against. */
  trusted: boolean | null;
}

const hashOf = (alg: string, data: Buffer) => createHash(alg).update(data).digest();
/** RFC 3161 serials are at most 160 bits; a longer one is shown cut. */
const hex = (b: Buffer) => `0x${b.subarray(0, 32).toString('hex').toUpperCase()}${b.length > 32 ? '…' : ''}`;

function readAll(ders: Buffer[]): TokenCertificate[] {
  const out: TokenCertificate[] = [];
  for (const der of ders) {
    try {
      out.push(readCertificate(der));
    } catch {
      // A certificate we cannot read cannot be the signer; if it was, 'signer-unknown' says so.
    }
  }
  return out;
}

/** The signer's certificate: by sid (issuer and serial, or key identifier), else by the ESSCertID hash. */
function findSigner(token: ParsedToken, certs: TokenCertificate[], essHash: { alg: string; hash: Buffer } | null): TokenCertificate | null {
  const sid = token.signer.sid;
  const bySid = certs.find((c) => ('subjectKeyId' in sid ? c.subjectKeyId?.equals(sid.subjectKeyId) : c.issuer.equals(sid.issuer) && c.serial.equals(sid.serial)));
  return bySid ?? (essHash ? (certs.find((c) => hashOf(essHash.alg, c.der).equals(essHash.hash)) ?? null) : null);
}

function checkSignature(token: ParsedToken, signer: TokenCertificate, problems: TimestampProblem[]): void {
  const scheme = SIGNATURE_BY_OID[token.signer.signatureAlgorithm];
  const hash = scheme?.hash ?? HASH_BY_OID[token.signer.digestAlgorithm];
  if (!scheme || !hash || WEAK_HASHES.has(hash)) {
    problems.push({ code: 'unsupported-algorithm', detail: `signature algorithm ${token.signer.signatureAlgorithm} with ${hash ?? token.signer.digestAlgorithm}` });
    return;
  }
  const key = signer.x509.publicKey;
  if (key.asymmetricKeyType !== scheme.key) {
    problems.push({ code: 'signature-invalid', detail: `a ${scheme.key} signature, but the certificate holds a ${key.asymmetricKeyType ?? 'unknown'} key` });
    return;
  }
  // RFC 5652 §5.4: the signature is over the DER of the signed attributes as a SET OF, not as [0] IMPLICIT.
  const signed = Buffer.concat([Buffer.from([0x31]), token.signer.signedAttrs.subarray(1)]);
  let valid = false;
  try {
    valid = verify(hash === 'none' ? null : hash, signed, scheme.key === 'rsa' ? { key, padding: constants.RSA_PKCS1_PADDING } : key, token.signer.signature);
  } catch {
    valid = false;
  }
  if (!valid) problems.push({ code: 'signature-invalid' });
}

function checkContentDigest(token: ParsedToken, problems: TimestampProblem[]): void {
  const hash = HASH_BY_OID[token.signer.digestAlgorithm];
  if (!hash || WEAK_HASHES.has(hash)) {
    problems.push({ code: 'unsupported-algorithm', detail: `digest algorithm ${token.signer.digestAlgorithm}` });
    return;
  }
  const attrs = token.signer.attributes;
  const digest = attrs.get(OID.messageDigest);
  const contentType = attrs.get(OID.contentType);
  const value = digest?.length === 1 && digest[0]!.tag === TAG.OCTET_STRING ? digest[0]!.value : null;
  if (!value || !hashOf(hash, token.tstInfoDer).equals(value)) problems.push({ code: 'content-digest-mismatch', detail: value ? 'messageDigest differs from the TSTInfo' : 'no messageDigest attribute' });
  // contentType must name the content signed (RFC 5652 §11.1).
  let typeIsTstInfo = false;
  try {
    typeIsTstInfo = contentType?.length === 1 && oid(contentType[0], 'contentType') === OID.tstInfo;
  } catch {
    typeIsTstInfo = false;
  }
  if (!typeIsTstInfo) problems.push({ code: 'content-digest-mismatch', detail: 'the contentType attribute is not TSTInfo' });
}

function checkUsage(signer: TokenCertificate, genTime: Date, problems: TimestampProblem[]): void {
  const eku = signer.extKeyUsage;
  if (!eku || !eku.purposes.includes(OID.timeStamping)) problems.push({ code: 'not-timestamping', detail: eku ? `extendedKeyUsage ${eku.purposes.join(', ')}` : 'no extendedKeyUsage' });
  else if (!eku.critical || eku.purposes.length !== 1) problems.push({ code: 'not-timestamping', detail: 'extendedKeyUsage must be critical and timeStamping only (RFC 3161 §2.3)' });
  const from = new Date(signer.x509.validFrom);
  const to = new Date(signer.x509.validTo);
  if (!(genTime >= from && genTime <= to)) problems.push({ code: 'outside-validity', detail: `valid ${signer.x509.validFrom} to ${signer.x509.validTo}` });
}

/** Whether the signer is one of the anchors or chains up to one through the token's certificates. */
function chainsTo(signer: TokenCertificate, certs: TokenCertificate[], anchors: X509Certificate[]): boolean {
  const issuedBy = (child: X509Certificate, parent: X509Certificate) => parent.ca && child.checkIssued(parent) && child.verify(parent.publicKey);
  let current = signer.x509;
  for (let depth = 0; depth < 5; depth++) {
    if (anchors.some((a) => a.raw.equals(current.raw) || issuedBy(current, a))) return true;
    const next = certs.find((c) => !c.x509.raw.equals(current.raw) && issuedBy(current, c.x509));
    if (!next) return false;
    current = next.x509;
  }
  return false;
}

/** Verifies `token` over `data`; `anchors`: the TSA certificate or its CA, when the caller has one. */
export function verifyTimestampToken(token: Buffer, data: Buffer, anchors?: X509Certificate[]): TokenVerification {
  try {
    return verifyOrThrow(token, data, anchors);
  } catch (err) {
    // Whatever a hostile token makes Node's X.509 code throw is a problem like any other.
    return { info: null, problems: [{ code: 'unreadable', detail: `cannot check: ${(err as Error).message}` }], trusted: anchors ? false : null };
  }
}

function verifyOrThrow(token: Buffer, data: Buffer, anchors: X509Certificate[] | undefined): TokenVerification {
  const problems: TimestampProblem[] = [];
  let parsed: ParsedToken;
  let essHash: ReturnType<typeof signingCertHash>;
  try {
    parsed = parseToken(token);
    essHash = signingCertHash(parsed.signer.attributes);
  } catch (err) {
    const detail = err instanceof DerError ? err.message : `cannot read: ${(err as Error).message}`;
    return { info: null, problems: [{ code: 'unreadable', detail }], trusted: anchors ? false : null };
  }
  const { tstInfo } = parsed;
  const imprintHash = HASH_BY_OID[tstInfo.imprintAlgorithm];
  if (!imprintHash) problems.push({ code: 'unsupported-algorithm', detail: `messageImprint with ${tstInfo.imprintAlgorithm}` });
  else if (!hashOf(imprintHash, data).equals(tstInfo.imprint)) problems.push({ code: 'imprint-mismatch' });
  checkContentDigest(parsed, problems);

  const certs = readAll(parsed.certificates);
  const signer = findSigner(parsed, [...certs, ...readAll((anchors ?? []).map((a) => a.raw))], essHash);
  const info: TimestampInfo = {
    genTime: tstInfo.genTime.toISOString(),
    tsa: signer ? subjectLine(signer) : null,
    serial: hex(tstInfo.serial),
    policy: tstInfo.policy,
    tsaCertFingerprint: signer?.x509.fingerprint256 ?? null,
  };
  if (!signer) {
    problems.push({ code: 'signer-unknown' });
    return { info, problems, trusted: anchors ? false : null };
  }
  if (!essHash) problems.push({ code: 'signer-cert-mismatch', detail: 'no signingCertificate attribute' });
  else if (!hashOf(essHash.alg, signer.der).equals(essHash.hash)) problems.push({ code: 'signer-cert-mismatch' });
  checkSignature(parsed, signer, problems);
  checkUsage(signer, tstInfo.genTime, problems);
  let trusted: boolean | null = null;
  if (anchors) {
    trusted = chainsTo(signer, certs, anchors);
    if (!trusted) problems.push({ code: 'untrusted', detail: `signer ${info.tsa}, issued by ${nameLine(signer.x509.issuer)}` });
  }
  return { info, problems, trusted };
}
