// Opens and verifies a run file (untrusted: it may come from any machine): the Ed25519 signature over
// manifest.json with the key carried in it (pin it with expectedFingerprint), the manifest's shape, and every
// evidence body against its SHA-256 and size. Refuses unsafe names, oversized entries and absurd entry counts
// with the limits of the evidence packs. Bodies stay in the ZIP until readBody asks for one.
import path from 'node:path';
import { checkSignature, normalizeFingerprint, openZip, readEntry, scanEntries, PackFileError, type PackProblem } from '../reports/signed-zip';
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

/** Throws RunFileError only when the file is missing or no ZIP at all; everything else is a problem in the verification. */
export async function openRunFile(file: string, options: { expectedFingerprint?: string } = {}): Promise<OpenedRunFile> {
  const zip = await openZip(file);
  const problems: PackProblem[] = [];
  let scanned: Awaited<ReturnType<typeof scanEntries>>;
  try {
    scanned = await scanEntries(zip, file, problems);
  } catch (err) {
    zip.close();
    throw err;
  }
  const { entries, refused } = scanned;

  let manifest: RunFileManifest | null = null;
  const manifestBytes = entries.get(MANIFEST_PATH)?.bytes ?? null;
  if (manifestBytes) {
    const parsed = parseManifest(manifestBytes);
    if ('error' in parsed) problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: parsed.error });
    else manifest = parsed.manifest;
  } else if (!refused.has(MANIFEST_PATH)) {
    problems.push({ path: MANIFEST_PATH, problem: 'removed', reason: 'missing' });
  }
  const { fingerprint, signatureValid } = checkSignature(manifestBytes, manifest, scanned, problems);

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
