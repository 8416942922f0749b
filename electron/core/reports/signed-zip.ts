// Reading a signed ZIP from an untrusted source — the evidence pack and the run file share this: open it, read
// every entry once (hashing it; keeping only the manifest and its signature), refusing unsafe names, duplicates,
// oversized, encrypted or absurdly many entries; then check the Ed25519 signature over manifest.json with the
// public key the manifest carries, and that the fingerprint it states is that key's.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import * as yauzl from 'yauzl';
import { publicKeyFingerprint } from './signing-key';

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';

export const MAX_PACK_ENTRIES = 100_000;
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

export type PackProblemKind = 'changed' | 'added' | 'removed' | 'unreadable';

/** Why, as a code the CLI and the app translate. */
export type PackProblemReason =
  | 'content-mismatch' // changed: SHA-256 or size differs from the manifest
  | 'signature-mismatch' // changed: manifest.sig does not verify over manifest.json with its public key
  | 'fingerprint-mismatch' // changed: the manifest's stated fingerprint is not that of its public key
  | 'not-in-manifest' // added
  | 'duplicate-entry' // added: a second entry with a name already seen
  | 'missing' // removed
  | 'unsafe-name' // unreadable: absolute path, '..' or backslash
  | 'too-large' // unreadable: over MAX_ENTRY_BYTES, or the pack over MAX_TOTAL_BYTES
  | 'too-many-entries' // unreadable: the whole archive
  | 'unsupported-entry' // unreadable: encrypted or an unknown compression method
  | 'read-error' // unreadable: corrupt data
  | 'bad-manifest' // unreadable: not JSON, not a pack manifest, or an unusable public key
  | 'bad-signature'; // unreadable: manifest.sig is not a base64 Ed25519 signature

export interface PackProblem {
  path: string;
  problem: PackProblemKind;
  reason: PackProblemReason;
  /** Technical detail (an error message), English. */
  detail?: string;
}

/** The file is not there or not a ZIP at all: nothing to verify. */
export class PackFileError extends Error {
  constructor(
    readonly code: 'not-found' | 'not-a-zip' | 'io',
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PackFileError';
  }
}

export const normalizeFingerprint = (fp: string) => fp.replace(/[\s:]/g, '').toLowerCase();

export interface ReadEntry {
  entry: yauzl.Entry;
  sha256: string;
  size: number;
  /** Kept for manifest.json and manifest.sig (and the names the caller asks for) only. */
  bytes: Buffer | null;
}

export function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (!err) return resolve(zip);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') reject(new PackFileError('not-found', file, `${file} does not exist`, { cause: err }));
      else if (code === 'EISDIR') reject(new PackFileError('not-a-zip', file, `${file} is a folder, not a ZIP file`, { cause: err }));
      else if (code) reject(new PackFileError('io', file, `cannot read ${file}: ${err.message}`, { cause: err }));
      else reject(new PackFileError('not-a-zip', file, `${file} is not a ZIP file (${err.message})`, { cause: err }));
    });
  });
}

export async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<Omit<ReadEntry, 'entry'>> {
  const stream = await zip.openReadStreamPromise(entry);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ENTRY_BYTES) {
      stream.destroy();
      throw new Error('entry larger than declared');
    }
    hash.update(chunk);
    if (keep) chunks.push(chunk);
  }
  return { sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(chunks) : null };
}

/**
 * Reads every entry once; what cannot be read safely is a problem and its name is in `refused`. The bytes of
 * the manifest, its signature and the entries named in `keep` are kept.
 */
export async function scanEntries(
  zip: yauzl.ZipFile,
  file: string,
  problems: PackProblem[],
  keep: readonly string[] = [],
): Promise<{ entries: Map<string, ReadEntry>; refused: Set<string> }> {
  const entries = new Map<string, ReadEntry>();
  const refused = new Set<string>();
  if (zip.entryCount > MAX_PACK_ENTRIES) {
    problems.push({ path: path.basename(file), problem: 'unreadable', reason: 'too-many-entries', detail: `${zip.entryCount} entries (at most ${MAX_PACK_ENTRIES})` });
    return { entries, refused };
  }
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const unsafe = yauzl.validateFileName(name);
      const refuse = (problem: PackProblem) => {
        problems.push(problem);
        refused.add(name);
      };
      if (unsafe !== null) refuse({ path: name, problem: 'unreadable', reason: 'unsafe-name', detail: unsafe });
      else if (entries.has(name) || refused.has(name)) problems.push({ path: name, problem: 'added', reason: 'duplicate-entry' });
      else if (entry.uncompressedSize > MAX_ENTRY_BYTES || (total += entry.uncompressedSize) > MAX_TOTAL_BYTES) {
        refuse({ path: name, problem: 'unreadable', reason: 'too-large', detail: `${entry.uncompressedSize} bytes uncompressed` });
      } else if (entry.isEncrypted() || !entry.canDecodeFileData()) {
        refuse({ path: name, problem: 'unreadable', reason: 'unsupported-entry', detail: `compression method ${entry.compressionMethod}` });
      } else {
        try {
          entries.set(name, { entry, ...(await readEntry(zip, entry, name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY || keep.includes(name))) });
        } catch (err) {
          refuse({ path: name, problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
        }
      }
    }
  } catch (err) {
    // A broken central directory: what was read so far is still checked, but the file is not intact.
    problems.push({ path: path.basename(file), problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
  }
  return { entries, refused };
}

function parseSignature(bytes: Buffer): Buffer | null {
  const text = bytes.toString('latin1').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const sig = Buffer.from(text, 'base64');
  return sig.length === 64 ? sig : null;
}

/** The signer's fingerprint (from the key itself) and whether manifest.sig verifies over the manifest's bytes. */
export function checkSignature(
  manifestBytes: Buffer | null,
  manifest: { publicKey: string; publicKeyFingerprint: string } | null,
  scanned: { entries: Map<string, ReadEntry>; refused: Set<string> },
  problems: PackProblem[],
): { fingerprint: string | null; signatureValid: boolean } {
  let publicKey: KeyObject | null = null;
  let fingerprint: string | null = null;
  let signatureValid = false;
  if (manifest) {
    try {
      publicKey = createPublicKey({ key: manifest.publicKey, format: 'pem' });
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`a ${publicKey.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
      fingerprint = publicKeyFingerprint(publicKey);
    } catch (err) {
      publicKey = null;
      problems.push({ path: MANIFEST_ENTRY, problem: 'unreadable', reason: 'bad-manifest', detail: `publicKey: ${(err as Error).message}` });
    }
  }
  const sigEntry = scanned.entries.get(SIGNATURE_ENTRY);
  if (sigEntry?.bytes) {
    const signature = parseSignature(sigEntry.bytes);
    if (!signature) problems.push({ path: SIGNATURE_ENTRY, problem: 'unreadable', reason: 'bad-signature', detail: 'not a base64 Ed25519 signature (64 bytes)' });
    else if (publicKey && manifestBytes) {
      signatureValid = verify(null, manifestBytes, publicKey, signature);
      if (!signatureValid) problems.push({ path: MANIFEST_ENTRY, problem: 'changed', reason: 'signature-mismatch', detail: `${SIGNATURE_ENTRY} does not verify over ${MANIFEST_ENTRY} with the public key in it` });
    }
  } else if (!scanned.refused.has(SIGNATURE_ENTRY)) {
    problems.push({ path: SIGNATURE_ENTRY, problem: 'removed', reason: 'missing' });
  }
  if (manifest && fingerprint && normalizeFingerprint(manifest.publicKeyFingerprint) !== fingerprint) {
    problems.push({ path: MANIFEST_ENTRY, problem: 'changed', reason: 'fingerprint-mismatch', detail: `states ${manifest.publicKeyFingerprint}, the key's is ${fingerprint}` });
  }
  return { fingerprint, signatureValid };
}
