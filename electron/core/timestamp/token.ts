// Parses a time-stamp token (RFC 3161 §2.4.2): a CMS ContentInfo holding SignedData (RFC 5652 §5) whose
// encapsulated content is a DER TSTInfo, signed by exactly one SignerInfo. Only parses: verify-token.ts judges.
import {
  algorithm,
  boolean,
  children,
  contextTag,
  DerError,
  expectTag,
  generalizedTime,
  integerBytes,
  octetString,
  oid,
  readOne,
  sequence,
  smallInteger,
  TAG,
  type Tlv,
} from './der';
import { OID } from './oids';

/** A token is a few KiB; one far bigger is refused unread. */
export const MAX_TOKEN_BYTES = 1024 * 1024;
/** Certificates a token may carry (the TSA's and its chain). */
export const MAX_TOKEN_CERTIFICATES = 16;

export type SignerId = { issuer: Buffer; serial: Buffer } | { subjectKeyId: Buffer };

export interface SignerInfo {
  sid: SignerId;
  digestAlgorithm: string;
  /** The signedAttrs as they are in the token ([0] IMPLICIT); the signature is over them as a SET. */
  signedAttrs: Buffer;
  /** Each attribute's values by attribute type. */
  attributes: Map<string, Tlv[]>;
  signatureAlgorithm: string;
  signature: Buffer;
}

export interface TstInfo {
  policy: string;
  imprintAlgorithm: string;
  imprint: Buffer;
  /** INTEGER content octets. */
  serial: Buffer;
  genTime: Date;
  /** INTEGER content octets; null when the TSA put none. */
  nonce: Buffer | null;
  /** The DER Name of the `tsa` field when it is a directoryName. */
  tsaName: Buffer | null;
}

export interface ParsedToken {
  eContentType: string;
  /** The DER TSTInfo: what the messageDigest attribute is the hash of. */
  tstInfoDer: Buffer;
  tstInfo: TstInfo;
  /** DER of every X.509 certificate in the token. */
  certificates: Buffer[];
  signer: SignerInfo;
}

function signerId(tlv: Tlv | undefined): SignerId {
  if (tlv?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = sequence(tlv, 'issuerAndSerialNumber');
    expectTag(issuer, TAG.SEQUENCE, 'issuer');
    return { issuer: issuer!.bytes, serial: integerBytes(serial, 'serialNumber') };
  }
  return { subjectKeyId: expectTag(tlv, contextTag(0, false), 'subjectKeyIdentifier').value };
}

function attributesOf(signedAttrs: Tlv): Map<string, Tlv[]> {
  const out = new Map<string, Tlv[]>();
  for (const attr of children(signedAttrs, 'signedAttrs')) {
    const [type, values] = sequence(attr, 'Attribute');
    const name = oid(type, 'attrType');
    // RFC 5652 §5.3: each attribute type at most once.
    if (out.has(name)) throw new DerError(`signedAttrs: ${name} twice`);
    out.set(name, sequence(values, 'attrValues', TAG.SET));
  }
  return out;
}

function signerInfo(tlv: Tlv | undefined): SignerInfo {
  const parts = sequence(tlv, 'SignerInfo');
  let i = 0;
  smallInteger(parts[i++], 'SignerInfo.version');
  const sid = signerId(parts[i++]);
  const digestAlgorithm = algorithm(parts[i++], 'digestAlgorithm');
  const attrs = parts[i];
  if (attrs?.tag !== contextTag(0, true)) throw new DerError('SignerInfo: no signedAttrs (a time-stamp token must have them)');
  i++;
  const signatureAlgorithm = algorithm(parts[i++], 'signatureAlgorithm');
  const signature = octetString(parts[i++], 'signature');
  return { sid, digestAlgorithm, signedAttrs: attrs.bytes, attributes: attributesOf(attrs), signatureAlgorithm, signature };
}

export function parseTstInfo(der: Buffer): TstInfo {
  const parts = sequence(readOne(der, 'TSTInfo'), 'TSTInfo');
  let i = 0;
  const version = smallInteger(parts[i++], 'TSTInfo.version');
  if (version !== 1) throw new DerError(`TSTInfo: version ${version}, expected 1`);
  const policy = oid(parts[i++], 'policy');
  const [imprintAlg, imprint] = sequence(parts[i++], 'messageImprint');
  const imprintAlgorithm = algorithm(imprintAlg, 'messageImprint.hashAlgorithm');
  const hashed = octetString(imprint, 'messageImprint.hashedMessage');
  const serial = integerBytes(parts[i++], 'serialNumber');
  const genTime = generalizedTime(parts[i++], 'genTime');
  if (parts[i]?.tag === TAG.SEQUENCE) i++; // accuracy
  if (parts[i]?.tag === TAG.BOOLEAN) boolean(parts[i++], 'ordering');
  const nonce = parts[i]?.tag === TAG.INTEGER ? integerBytes(parts[i++], 'nonce') : null;
  let tsaName: Buffer | null = null;
  if (parts[i]?.tag === contextTag(0, true)) {
    const [name] = children(parts[i++]!, 'tsa');
    if (name?.tag === contextTag(4, true)) tsaName = expectTag(children(name, 'directoryName')[0], TAG.SEQUENCE, 'directoryName').bytes;
  }
  if (parts[i]?.tag === contextTag(1, true)) i++; // extensions
  if (i !== parts.length) throw new DerError('TSTInfo: unexpected element');
  return { policy, imprintAlgorithm, imprint: hashed, serial, genTime, nonce, tsaName };
}

/** Parses a token; throws DerError when it is no RFC 3161 token. */
export function parseToken(der: Buffer): ParsedToken {
  if (der.length > MAX_TOKEN_BYTES) throw new DerError(`token of ${der.length} bytes (at most ${MAX_TOKEN_BYTES})`);
  const [contentType, content] = sequence(readOne(der, 'ContentInfo'), 'ContentInfo');
  if (oid(contentType, 'contentType') !== OID.signedData) throw new DerError('ContentInfo: not SignedData');
  const [signedData] = children(expectTag(content, contextTag(0, true), 'content'), 'content');
  const parts = sequence(signedData, 'SignedData');
  let i = 0;
  smallInteger(parts[i++], 'SignedData.version');
  sequence(parts[i++], 'digestAlgorithms', TAG.SET);
  const [eType, eContent] = sequence(parts[i++], 'encapContentInfo');
  const eContentType = oid(eType, 'eContentType');
  const [octets] = children(expectTag(eContent, contextTag(0, true), 'eContent'), 'eContent');
  const tstInfoDer = octetString(octets, 'eContent');
  const certificates: Buffer[] = [];
  if (parts[i]?.tag === contextTag(0, true)) {
    for (const cert of children(parts[i++]!, 'certificates')) {
      // Other certificate formats (attribute certificates …) are skipped.
      if (cert.tag !== TAG.SEQUENCE) continue;
      if (certificates.length >= MAX_TOKEN_CERTIFICATES) throw new DerError(`more than ${MAX_TOKEN_CERTIFICATES} certificates`);
      certificates.push(cert.bytes);
    }
  }
  if (parts[i]?.tag === contextTag(1, true)) i++; // crls
  const signerInfos = sequence(parts[i++], 'signerInfos', TAG.SET);
  if (i !== parts.length) throw new DerError('SignedData: unexpected element');
  if (signerInfos.length !== 1) throw new DerError(`${signerInfos.length} signers (a time-stamp token has exactly one)`);
  if (eContentType !== OID.tstInfo) throw new DerError(`eContentType ${eContentType}, not TSTInfo`);
  return { eContentType, tstInfoDer, tstInfo: parseTstInfo(tstInfoDer), certificates, signer: signerInfo(signerInfos[0]) };
}
