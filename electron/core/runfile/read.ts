// Opens and verifies a run file (untrusted: it may come from any machine): the Ed25519 signature over
// manifest.json with the key carried in it (pin it with expectedFingerprint), the manifest's shape, and every
// evidence body against its SHA-256 and size. Refuses unsafe names, oversized entries and absurd entry counts
// with the limits of the evidence packs. Bodies stay in the ZIP until readBody asks for one.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import * as yauzl from 'yauzl';
import { MAX_ENTRY_BYTES, MAX_PACK_ENTRIES, MAX_TOTAL_BYTES, normalizeFingerprint, PackFileError, type PackProblem } from '../reports/verify-pack';
import { publicKeyFingerprint } from '../reports/signing-key';
import { EVIDENCE_DIR, MANIFEST_PATH, RUNFILE_FORMAT, RUNFILE_VERSION, SIGNATURE_PATH, type RunFileManifest } from './format';
import { runFileManifestSchema } from './schema';

export { PackFileError as RunFileError };

export interface RunFileVerification {
  /** Signature valid, manifest well-formed, every body as listed, nothing added or missing, signer as expected (if given). */
  ok: boolean;
  signatureValid: boolean;
  /** Computed from the public key in the manifest (not copied from it). */
  publicKeyFingerprint: string | null;
  /** null when no expected fingerprint was given. */
  fingerprintMatches: boolean | null;
  problems: PackProblem[];
  manifest: RunFileManifest | null;
  filesChecked: number;
}

export interface OpenedRunFile {
  file: string;
  verification: RunFileVerification;
  /** The body of evidence/<sha256>, read again and checked against its hash and the manifest's size. */
  readBody(sha256: string): Promise<Buffer>;
  close(): void;
}

interface Seen {
  entry: yauzl.Entry;
  sha256: string;
  size: number;
  bytes: Buffer | null;
}

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

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<{ sha256: string; size: number; bytes: Buffer | null }> {
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

function parseManifest(bytes: Buffer): { manifest: RunFileManifest } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  const parsed = runFileManifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: `not a ${RUNFILE_FORMAT} v${RUNFILE_VERSION} manifest: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}` };
  }
  const manifest = parsed.data as RunFileManifest;
  // What the store would refuse later is refused here, with the place named.
  const sizes = new Map<string, number>();
  for (const [i, r] of manifest.runs.entries()) {
    const shas = new Set(r.evidence.map((e) => e.sha256));
    for (const e of r.evidence) {
      if ((sizes.get(e.sha256) ?? e.size) !== e.size) return { error: `runs.${i}: evidence ${e.sha256} is listed with two sizes` };
      sizes.set(e.sha256, e.size);
    }
    for (const item of r.run.items) {
      for (const c of item.checks) {
        const missing = c.evidence.find((sha) => !shas.has(sha));
        if (missing) return { error: `runs.${i}: check ${c.checkId} cites evidence ${missing} that the run does not list` };
      }
    }
  }
  return { manifest };
}

function parseSignature(bytes: Buffer): Buffer | null {
  const text = bytes.toString('latin1').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const sig = Buffer.from(text, 'base64');
  return sig.length === 64 ? sig : null;
}

/** Reads every entry once (hashing, keeping only manifest and signature), then checks them. */
async function scan(zip: yauzl.ZipFile, file: string, problems: PackProblem[]): Promise<{ entries: Map<string, Seen>; refused: Set<string> }> {
  const entries = new Map<string, Seen>();
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
          entries.set(name, { entry, ...(await readEntry(zip, entry, name === MANIFEST_PATH || name === SIGNATURE_PATH)) });
        } catch (err) {
          refuse({ path: name, problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
        }
      }
    }
  } catch (err) {
    problems.push({ path: path.basename(file), problem: 'unreadable', reason: 'read-error', detail: (err as Error).message });
  }
  return { entries, refused };
}

function checkSignature(manifestBytes: Buffer | null, manifest: RunFileManifest | null, sigEntry: Seen | undefined, sigRefused: boolean, problems: PackProblem[]) {
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
      problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: `publicKey: ${(err as Error).message}` });
    }
  }
  if (sigEntry?.bytes) {
    const signature = parseSignature(sigEntry.bytes);
    if (!signature) problems.push({ path: SIGNATURE_PATH, problem: 'unreadable', reason: 'bad-signature', detail: 'not a base64 Ed25519 signature (64 bytes)' });
    else if (publicKey && manifestBytes) {
      signatureValid = verify(null, manifestBytes, publicKey, signature);
      if (!signatureValid) problems.push({ path: MANIFEST_PATH, problem: 'changed', reason: 'signature-mismatch', detail: `${SIGNATURE_PATH} does not verify over ${MANIFEST_PATH}` });
    }
  } else if (!sigRefused) {
    problems.push({ path: SIGNATURE_PATH, problem: 'removed', reason: 'missing' });
  }
  if (manifest && fingerprint && normalizeFingerprint(manifest.publicKeyFingerprint) !== fingerprint) {
    problems.push({ path: MANIFEST_PATH, problem: 'changed', reason: 'fingerprint-mismatch', detail: `states ${manifest.publicKeyFingerprint}, the key's is ${fingerprint}` });
  }
  return { fingerprint, signatureValid };
}

/** Throws RunFileError only when the file is missing or no ZIP at all; everything else is a problem in the verification. */
export async function openRunFile(file: string, options: { expectedFingerprint?: string } = {}): Promise<OpenedRunFile> {
  const zip = await openZip(file);
  const problems: PackProblem[] = [];
  let entries: Map<string, Seen>;
  let refused: Set<string>;
  try {
    ({ entries, refused } = await scan(zip, file, problems));
  } catch (err) {
    zip.close();
    throw err;
  }

  let manifest: RunFileManifest | null = null;
  const manifestBytes = entries.get(MANIFEST_PATH)?.bytes ?? null;
  if (manifestBytes) {
    const parsed = parseManifest(manifestBytes);
    if ('error' in parsed) problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: parsed.error });
    else manifest = parsed.manifest;
  } else if (!refused.has(MANIFEST_PATH)) {
    problems.push({ path: MANIFEST_PATH, problem: 'removed', reason: 'missing' });
  }
  const { fingerprint, signatureValid } = checkSignature(manifestBytes, manifest, entries.get(SIGNATURE_PATH), refused.has(SIGNATURE_PATH), problems);

  const sizes = new Map<string, number>();
  for (const r of manifest?.runs ?? []) for (const e of r.evidence) sizes.set(`${EVIDENCE_DIR}${e.sha256}`, e.size);
  let filesChecked = 0;
  if (manifest) {
    for (const [name, size] of sizes) {
      if (refused.has(name)) continue;
      const actual = entries.get(name);
      if (!actual) {
        problems.push({ path: name, problem: 'removed', reason: 'missing' });
        continue;
      }
      filesChecked++;
      if (`${EVIDENCE_DIR}${actual.sha256}` !== name || actual.size !== size) {
        problems.push({ path: name, problem: 'changed', reason: 'content-mismatch', detail: `SHA-256 ${actual.sha256}, ${actual.size} bytes; the manifest says ${size} bytes` });
      }
    }
    for (const name of entries.keys()) {
      if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !sizes.has(name)) problems.push({ path: name, problem: 'added', reason: 'not-in-manifest' });
    }
  }
  const fingerprintMatches = options.expectedFingerprint === undefined ? null : fingerprint !== null && fingerprint === normalizeFingerprint(options.expectedFingerprint);
  const verification: RunFileVerification = {
    ok: problems.length === 0 && signatureValid && fingerprintMatches !== false,
    signatureValid,
    publicKeyFingerprint: fingerprint,
    fingerprintMatches,
    problems,
    manifest,
    filesChecked,
  };

  return {
    file: path.resolve(file),
    verification,
    async readBody(sha256: string): Promise<Buffer> {
      const name = `${EVIDENCE_DIR}${sha256}`;
      const seen = entries.get(name);
      if (!seen) throw new PackFileError('io', file, `${name} is not in ${file}`);
      const again = await readEntry(zip, seen.entry, true);
      if (again.sha256 !== sha256 || again.size !== sizes.get(name)) throw new PackFileError('io', file, `${name} changed while it was read`);
      return again.bytes as Buffer;
    },
    close: () => zip.close(),
  };
}
