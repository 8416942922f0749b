// Verifies an evidence pack written by pack.ts: the Ed25519 signature over manifest.json (with the public key
// carried IN the manifest — pin it with expectedFingerprint), and every file against its SHA-256 in the
// manifest. Reads untrusted ZIPs: refuses unsafe names, oversized entries and absurd entry counts.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import * as yauzl from 'yauzl';
import { EVIDENCE_DIR, MANIFEST_PATH, PACK_FORMAT, PACK_VERSION, SIGNATURE_PATH, type PackManifest } from './pack';
import { manifestSchema } from './pack-schema';
import { publicKeyFingerprint } from './signing-key';

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

export interface PackVerification {
  /** Signature valid, every file as listed, nothing added or removed, and the signer the expected one (if given). */
  ok: boolean;
  signatureValid: boolean;
  /** SHA-256 of the SPKI DER of the public key in the manifest (computed, not copied from the manifest). */
  publicKeyFingerprint: string | null;
  /** null when no expected fingerprint was given. */
  fingerprintMatches: boolean | null;
  problems: PackProblem[];
  /** The parsed manifest, when it is one (whether or not the signature is valid). */
  manifest: PackManifest | null;
  /** Files compared against the manifest. */
  filesChecked: number;
}

export interface VerifyPackOptions {
  /** Pin the signer: hex SHA-256 of the SPKI DER (colons and spaces are ignored). */
  expectedFingerprint?: string;
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

interface ReadEntry {
  sha256: string;
  size: number;
  /** Kept for manifest.json and manifest.sig only. */
  bytes: Buffer | null;
}

export const normalizeFingerprint = (fp: string) => fp.replace(/[\s:]/g, '').toLowerCase();

function openZip(file: string): Promise<yauzl.ZipFile> {
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

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<ReadEntry> {
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

function parseManifest(bytes: Buffer): { manifest: PackManifest } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: `not a ${PACK_FORMAT} v${PACK_VERSION} manifest: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}` };
  }
  return { manifest: parsed.data as PackManifest };
}

function parseSignature(bytes: Buffer): Buffer | null {
  const text = bytes.toString('latin1').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const sig = Buffer.from(text, 'base64');
  return sig.length === 64 ? sig : null;
}

/** Checks a pack. Throws PackFileError only when the file is missing or no ZIP at all; everything else is a problem. */
export async function verifyPack(file: string, options: VerifyPackOptions = {}): Promise<PackVerification> {
  const zip = await openZip(file);
  const problems: PackProblem[] = [];
  const entries = new Map<string, ReadEntry>();
  const refused = new Set<string>();
  try {
    if (zip.entryCount > MAX_PACK_ENTRIES) {
      problems.push({ path: path.basename(file), problem: 'unreadable', reason: 'too-many-entries', detail: `${zip.entryCount} entries (at most ${MAX_PACK_ENTRIES})` });
      return result(problems, null, null, null, options, 0);
    }
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
        const unsafe = yauzl.validateFileName(name);
        if (unsafe !== null) {
          problems.push({ path: name, problem: 'unreadable', reason: 'unsafe-name', detail: unsafe });
          refused.add(name);
          continue;
        }
        if (entries.has(name) || refused.has(name)) {
          problems.push({ path: name, problem: 'added', reason: 'duplicate-entry' });
          continue;
        }
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
          problems.push({ path: name, problem: 'unreadable', reason: 'too-large', detail: `${entry.uncompressedSize} bytes uncompressed` });
          refused.add(name);
          continue;
        }
        if (entry.isEncrypted() || !entry.canDecodeFileData()) {
          problems.push({ path: name, problem: 'unreadable', reason: 'unsupported-entry', detail: `compression method ${entry.compressionMethod}` });
          refused.add(name);
          continue;
        }
        try {
          entries.set(name, await readEntry(zip, entry, name === MANIFEST_PATH || name === SIGNATURE_PATH));
        } catch (err) {
          problems.push({ path: name, problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
          refused.add(name);
        }
      }
    } catch (err) {
      // A broken central directory: what was read so far is still checked, but the pack is not intact.
      problems.push({ path: path.basename(file), problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
    }
  } finally {
    zip.close();
  }

  // The manifest and its signature.
  let manifest: PackManifest | null = null;
  let fingerprint: string | null = null;
  let signatureValid = false;
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (manifestEntry?.bytes) {
    const parsed = parseManifest(manifestEntry.bytes);
    if ('error' in parsed) problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: parsed.error });
    else manifest = parsed.manifest;
  } else if (!refused.has(MANIFEST_PATH)) {
    problems.push({ path: MANIFEST_PATH, problem: 'removed', reason: 'missing' });
  }
  let publicKey: KeyObject | null = null;
  if (manifest) {
    try {
      publicKey = createPublicKey({ key: manifest.publicKey, format: 'pem' });
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`a ${publicKey.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
      fingerprint = publicKeyFingerprint(publicKey);
    } catch (err) {
      publicKey = null;
      problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: `publicKey: ${(err as Error).message}` });
    }
  }
  const sigEntry = entries.get(SIGNATURE_PATH);
  if (sigEntry?.bytes) {
    const signature = parseSignature(sigEntry.bytes);
    if (!signature) problems.push({ path: SIGNATURE_PATH, problem: 'unreadable', reason: 'bad-signature', detail: 'not a base64 Ed25519 signature (64 bytes)' });
    else if (publicKey && manifestEntry?.bytes) {
      signatureValid = verify(null, manifestEntry.bytes, publicKey, signature);
      if (!signatureValid) {
        problems.push({ path: MANIFEST_PATH, problem: 'changed', reason: 'signature-mismatch', detail: `${SIGNATURE_PATH} does not verify over ${MANIFEST_PATH} with the public key in it` });
      }
    }
  } else if (!refused.has(SIGNATURE_PATH)) {
    problems.push({ path: SIGNATURE_PATH, problem: 'removed', reason: 'missing' });
  }
  if (manifest && fingerprint && normalizeFingerprint(manifest.publicKeyFingerprint) !== fingerprint) {
    problems.push({ path: MANIFEST_PATH, problem: 'changed', reason: 'fingerprint-mismatch', detail: `states ${manifest.publicKeyFingerprint}, the key's is ${fingerprint}` });
  }

  // Every file against the manifest (even when the signature failed: it tells which file was touched).
  let filesChecked = 0;
  if (manifest) {
    const listed = new Set<string>();
    for (const f of manifest.files) {
      if (listed.has(f.path)) continue;
      listed.add(f.path);
      if (refused.has(f.path)) continue;
      const actual = entries.get(f.path);
      if (!actual) {
        problems.push({ path: f.path, problem: 'removed', reason: 'missing' });
        continue;
      }
      filesChecked++;
      if (actual.sha256 !== f.sha256 || actual.size !== f.size) {
        problems.push({ path: f.path, problem: 'changed', reason: 'content-mismatch', detail: `SHA-256 ${actual.sha256}, ${actual.size} bytes; the manifest says ${f.sha256}, ${f.size} bytes` });
      }
    }
    for (const name of entries.keys()) {
      if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !listed.has(name)) problems.push({ path: name, problem: 'added', reason: 'not-in-manifest' });
    }    // The pack must carry what each judgement rests on: its sealed evidence and its attachments.
    const unlisted = new Set<string>();
    for (const j of manifest.judgements ?? []) {
      for (const sha of [j.evidence, ...j.attachments.map((a) => a.sha256)]) {
        const name = `${EVIDENCE_DIR}${sha}`;
        if (!listed.has(name) && !unlisted.has(name) && unlisted.add(name)) problems.push({ path: name, problem: 'removed', reason: 'missing', detail: `the judgement of ${j.checkId} rests on it` });
      }
    }
  }
  return result(problems, manifest, fingerprint, signatureValid, options, filesChecked);
}

function result(
  problems: PackProblem[],
  manifest: PackManifest | null,
  fingerprint: string | null,
  signatureValid: boolean | null,
  options: VerifyPackOptions,
  filesChecked: number,
): PackVerification {
  const fingerprintMatches = options.expectedFingerprint === undefined ? null : fingerprint !== null && fingerprint === normalizeFingerprint(options.expectedFingerprint);
  return {
    ok: problems.length === 0 && signatureValid === true && fingerprintMatches !== false,
    signatureValid: signatureValid === true,
    publicKeyFingerprint: fingerprint,
    fingerprintMatches,
    problems,
    manifest,
    filesChecked,
  };
}
