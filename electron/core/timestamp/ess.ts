// Which certificate the TSA says it signed with: the signingCertificate (ESSCertID, SHA-1, RFC 2634 §5.4) or
// signingCertificateV2 (ESSCertIDv2, SHA-256 unless named, RFC 5035) attribute. The first entry is the signer's.
import { algorithm, DerError, octetString, sequence, TAG, type Tlv } from './der';
import { HASH_BY_OID, OID } from './oids';

/** The signer certificate's hash as the attribute states it; null when the token has neither attribute. */
export function signingCertHash(attributes: Map<string, Tlv[]>): { alg: string; hash: Buffer } | null {
  const v2 = attributes.get(OID.signingCertificateV2);
  const v1 = attributes.get(OID.signingCertificate);
  const values = v2 ?? v1;
  if (!values) return null;
  if (values.length !== 1) throw new DerError('signingCertificate: not exactly one value');
  const [certs] = sequence(values[0], 'SigningCertificate');
  const [first] = sequence(certs, 'SigningCertificate.certs');
  const id = sequence(first, 'ESSCertID');
  if (!v2) return { alg: 'sha1', hash: octetString(id[0], 'ESSCertID.certHash') };
  // hashAlgorithm DEFAULT sha256: absent when the first element is already the hash.
  const hasAlg = id[0]?.tag === TAG.SEQUENCE;
  const oidName = hasAlg ? algorithm(id[0], 'ESSCertIDv2.hashAlgorithm') : OID.sha256;
  const alg = HASH_BY_OID[oidName];
  if (!alg) throw new DerError(`ESSCertIDv2: unknown hash ${oidName}`);
  return { alg, hash: octetString(id[hasAlg ? 1 : 0], 'ESSCertIDv2.certHash') };
}
