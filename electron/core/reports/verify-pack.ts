// Verifies an evidence pack written by pack.ts: the Ed25519 signature over manifest.json (with the public key
// carried IN the manifest — pin it with expectedFingerprint), and every file against its SHA-256 in the
// manifest, and the TSA's time-stamp token over manifest.json when the pack has one. Reads untrusted ZIPs:
// refuses unsafe names, oversized entries and absurd entry counts.
import type { X509Certificate } from 'node:crypto';
import { verifyTimestampToken, type TimestampInfo, type TimestampProblem } from '../timestamp/verify-token';
import { EVIDENCE_DIR, MANIFEST_PATH, PACK_FORMAT, PACK_VERSION, SIGNATURE_PATH, TIMESTAMP_PATH, type PackManifest } from './pack';
import { manifestSchema } from './pack-schema';
import { checkSignature, normalizeFingerprint, openZip, scanEntries, type PackProblem } from './signed-zip';

export { MAX_ENTRY_BYTES, MAX_PACK_ENTRIES, MAX_TOTAL_BYTES, normalizeFingerprint, PackFileError, type PackProblem, type PackProblemKind, type PackProblemReason } from './signed-zip';

export interface PackVerification {
  /**
   * Signature valid, every file as listed, nothing added or removed, the signer the expected one (if given), and
   * the time stamp (if there is one, or a TSA certificate was given) without a problem.
   */
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
  /** The time-stamp token's check; null when the pack has none and no TSA certificate was given. */
  timestamp: PackTimestamp | null;
}

export interface PackTimestamp {
  /** What the token says; null when it could not be read (or there is none). */
  info: TimestampInfo | null;
  problems: TimestampProblem[];
  /** null: no TSA certificate given; true: the signer is it or is issued by it. */
  trusted: boolean | null;
}

export interface VerifyPackOptions {
  /** Pin the signer: hex SHA-256 of the SPKI DER (colons and spaces are ignored). */
  expectedFingerprint?: string;
  /** The TSA's certificate or its CA: the token's signer must be it or be issued by it. */
  tsaCertificates?: X509Certificate[];
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


/** Checks a pack. Throws PackFileError only when the file is missing or no ZIP at all; everything else is a problem. */
export async function verifyPack(file: string, options: VerifyPackOptions = {}): Promise<PackVerification> {
  const zip = await openZip(file);
  const problems: PackProblem[] = [];
  let scanned: Awaited<ReturnType<typeof scanEntries>>;
  try {
    scanned = await scanEntries(zip, file, problems, [TIMESTAMP_PATH]);
  } finally {
    zip.close();
  }
  if (problems.some((p) => p.reason === 'too-many-entries')) return result(problems, null, null, null, options, 0, null);
  const { entries, refused } = scanned;

  // The manifest and its signature.
  let manifest: PackManifest | null = null;
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (manifestEntry?.bytes) {
    const parsed = parseManifest(manifestEntry.bytes);
    if ('error' in parsed) problems.push({ path: MANIFEST_PATH, problem: 'unreadable', reason: 'bad-manifest', detail: parsed.error });
    else manifest = parsed.manifest;
  } else if (!refused.has(MANIFEST_PATH)) {
    problems.push({ path: MANIFEST_PATH, problem: 'removed', reason: 'missing' });
  }
  const { fingerprint, signatureValid } = checkSignature(manifestEntry?.bytes ?? null, manifest, scanned, problems);

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
      if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && name !== TIMESTAMP_PATH && !listed.has(name)) problems.push({ path: name, problem: 'added', reason: 'not-in-manifest' });
    }
    // The pack must carry what each judgement rests on: its sealed evidence and its attachments.
    const unlisted = new Set<string>();
    for (const j of manifest.judgements ?? []) {
      for (const sha of [j.evidence, ...j.attachments.map((a) => a.sha256)]) {
        const name = `${EVIDENCE_DIR}${sha}`;
        if (!listed.has(name) && !unlisted.has(name) && unlisted.add(name)) problems.push({ path: name, problem: 'removed', reason: 'missing', detail: `the judgement of ${j.checkId} rests on it` });
      }
    }
  }
  return result(problems, manifest, fingerprint, signatureValid, options, filesChecked, checkTimestamp(scanned, manifestEntry?.bytes ?? null, options));
}

/** The token over the manifest's exact bytes; a TSA certificate given for a pack without a token is a problem. */
function checkTimestamp(scanned: Awaited<ReturnType<typeof scanEntries>>, manifestBytes: Buffer | null, options: VerifyPackOptions): PackTimestamp | null {
  const token = scanned.entries.get(TIMESTAMP_PATH)?.bytes;
  if (!token) {
    // A token that could not be read at all is already a problem of the scan.
    if (!options.tsaCertificates || scanned.refused.has(TIMESTAMP_PATH)) return null;
    return { info: null, problems: [{ code: 'missing' }], trusted: false };
  }
  // Without the manifest there is nothing to hold the token against (its absence is a problem already).
  if (!manifestBytes) return null;
  return verifyTimestampToken(token, manifestBytes, options.tsaCertificates);
}

function result(
  problems: PackProblem[],
  manifest: PackManifest | null,
  fingerprint: string | null,
  signatureValid: boolean | null,
  options: VerifyPackOptions,
  filesChecked: number,
  timestamp: PackTimestamp | null,
): PackVerification {
  const fingerprintMatches = options.expectedFingerprint === undefined ? null : fingerprint !== null && fingerprint === normalizeFingerprint(options.expectedFingerprint);
  return {
    ok: problems.length === 0 && signatureValid === true && fingerprintMatches !== false && !timestamp?.problems.length,
    signatureValid: signatureValid === true,
    publicKeyFingerprint: fingerprint,
    fingerprintMatches,
    problems,
    manifest,
    filesChecked,
    timestamp,
  };
}
