// The fields of an X.509 certificate a time-stamp check needs and Node's X509Certificate does not give as
// bytes: the issuer and subject Names as DER (to match a SignerInfo's sid and the TSTInfo's tsa field), the
// serial, the subject key identifier and the extended key usage with its criticality.
import { X509Certificate } from 'node:crypto';
import { boolean, children, contextTag, DerError, integerBytes, octetString, oid, readOne, sequence, TAG } from './der';
import { OID } from './oids';
import { printable } from './request';

export interface TokenCertificate {
  der: Buffer;
  x509: X509Certificate;
  issuer: Buffer;
  subject: Buffer;
  serial: Buffer;
  subjectKeyId: Buffer | null;
  /** The extended key usage purposes; null when the certificate has no such extension. */
  extKeyUsage: { purposes: string[]; critical: boolean } | null;
}

const SUBJECT_KEY_ID = '2.5.29.14';

/** Reads a DER certificate; throws (DerError or Node's) when it is none. */
export function readCertificate(der: Buffer): TokenCertificate {
  const x509 = new X509Certificate(der);
  const [tbs] = sequence(readOne(der, 'Certificate'), 'Certificate');
  const fields = sequence(tbs, 'tbsCertificate');
  let i = fields[0]?.tag === contextTag(0, true) ? 1 : 0;
  const serial = integerBytes(fields[i++], 'serialNumber');
  i++; // signature algorithm
  const issuer = fields[i++];
  i++; // validity
  const subject = fields[i++];
  if (issuer?.tag !== TAG.SEQUENCE || subject?.tag !== TAG.SEQUENCE) throw new DerError('Certificate: no issuer or subject Name');
  let subjectKeyId: Buffer | null = null;
  let extKeyUsage: TokenCertificate['extKeyUsage'] = null;
  const extensions = fields.find((f) => f.tag === contextTag(3, true));
  if (extensions) {
    for (const ext of sequence(children(extensions, 'extensions')[0], 'Extensions')) {
      const [idTlv, second, third] = sequence(ext, 'Extension');
      const id = oid(idTlv, 'extnID');
      const critical = second?.tag === TAG.BOOLEAN ? boolean(second, 'critical') : false;
      const value = octetString(second?.tag === TAG.BOOLEAN ? third : second, 'extnValue');
      if (id === SUBJECT_KEY_ID) subjectKeyId = octetString(readOne(value, 'subjectKeyIdentifier'), 'subjectKeyIdentifier');
      if (id === OID.extKeyUsage) {
        if (extKeyUsage) throw new DerError('Certificate: extendedKeyUsage twice');
        extKeyUsage = { purposes: sequence(readOne(value, 'extendedKeyUsage'), 'extendedKeyUsage').map((p) => oid(p, 'KeyPurposeId')), critical };
      }
    }
  }
  return { der, x509, issuer: issuer.bytes, subject: subject.bytes, serial, subjectKeyId, extKeyUsage };
}

/** "CN=…, O=…" of a certificate's subject or issuer, for people (Node gives one attribute per line); bounded, no control characters. */
export const nameLine = (name: string) => printable(name.split('\n').filter(Boolean).join(', '), 300);
export const subjectLine = (cert: TokenCertificate) => nameLine(cert.x509.subject);

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM file (the TSA's certificate or its CA); throws a plain error when there is none. */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (!blocks.length) throw new Error('no PEM certificate (-----BEGIN CERTIFICATE-----) in it');
  return blocks.map((b) => new X509Certificate(b));
}
