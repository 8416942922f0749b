// The workstation's Ed25519 key pair that signs evidence packs. One key per store folder, created on first use
// and never silently replaced: a pack's fingerprint only means something if the key stays the same.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, existsSync, writeSync } from 'node:fs';
import path from 'node:path';

export const SIGNING_KEY_FILE = 'signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM of the public half; goes into every pack's manifest. */
  publicKeyPem: string;
  /** SHA-256 (hex) of the SPKI DER encoding of the public key. */
  fingerprint: string;
}

export class SigningKeyError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SigningKeyError';
  }
}

/** SHA-256 hex of the SPKI DER of an Ed25519 (or any) public key. */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

function parse(file: string, pem: string): SigningKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new SigningKeyError(
      file,
      `the signing key ${file} is unreadable (${(err as Error).message}); it was NOT replaced — restore it from a backup, or move it away to create a new key (packs signed before then keep the old fingerprint)`,
      { cause: err },
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(file, `the signing key ${file} is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519; it was NOT replaced`);
  }
  return fromPrivateKey(key);
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SigningKeyError(file, `cannot read the signing key ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Loads `dir/signing-key.pem` or, when there is none, creates it: PKCS#8 PEM, mode 0600, written to a temp
 * file, fsynced and hard-linked into place (so a key created at the same moment by another process wins and
 * is loaded instead of overwritten). A corrupt file is an error naming the file, never a silent new key.
 */
export function loadOrCreateSigningKey(dir: string): SigningKey {
  const file = path.join(dir, SIGNING_KEY_FILE);
  const existing = read(file);
  if (existing !== null) return parse(file, existing);

  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const tmp = path.join(dir, `.${SIGNING_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, pem);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        // Someone else created it first: theirs is the key.
        return parse(file, read(file) ?? '');
      }
      // File systems without hard links: rename, unless a key appeared meanwhile.
      if (existsSync(file)) return parse(file, read(file) ?? '');
      renameSync(tmp, file);
    }
  } catch (err) {
    if (err instanceof SigningKeyError) throw err;
    throw new SigningKeyError(file, `cannot create the signing key ${file}: ${(err as Error).message}`, { cause: err });
  } finally {
    rmSync(tmp, { force: true });
  }
  return fromPrivateKey(privateKey);
}
