import { createHash } from 'node:crypto';

/** OpenSSH's fingerprint of a host key blob, as `ssh-keygen -lf` and `ssh` print it: `SHA256:<base64, no padding>`. */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

const FINGERPRINT = /^SHA256:([A-Za-z0-9+/]{43})=?$/;

/** The fingerprint in canonical form (no padding), or null if it is not a SHA256 fingerprint. */
export function normalizeFingerprint(raw: string): string | null {
  const m = FINGERPRINT.exec(raw.trim());
  return m ? `SHA256:${m[1]}` : null;
}
