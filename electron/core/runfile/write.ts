// Writes a run file from stored runs: `pruefstand audit … --out run.zip` (one run now; batch audits many).
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { signManifest, writeZipAtomically } from '../reports/pack';
import type { SigningKey } from '../reports/signing-key';
import type { Store } from '../store';
import { EVIDENCE_DIR, MANIFEST_PATH, RUNFILE_FORMAT, RUNFILE_VERSION, SIGNATURE_PATH, serializeRunFileManifest, type RunFileEntry, type RunFileManifest } from './format';

export class RunFileWriteError extends Error {
  override readonly name = 'RunFileWriteError';
  constructor(
    readonly runId: number,
    message: string,
  ) {
    super(message);
  }
}

export interface WriteRunFileOptions {
  store: Store;
  runIds: readonly number[];
  key: SigningKey;
  /** Where the ZIP goes; written to a temp file beside it, fsynced and renamed into place. */
  file: string;
  tool: { name: string; version: string };
  now?: Date;
}

/** One run as the file carries it; the run must have ended (a running run has no results to carry). */
export function runFileEntry(store: Store, runId: number): RunFileEntry {
  const run = store.getRun(runId);
  if (!run) throw new RunFileWriteError(runId, `run ${runId} does not exist`);
  if (run.state === 'running' || run.finishedAt === null || run.summary === null) throw new RunFileWriteError(runId, `run ${runId} has not ended`);
  const installation = store.installations.get(run.installationId);
  if (!installation) throw new RunFileWriteError(runId, `run ${runId}: installation ${run.installationId} does not exist`);
  const client = store.clients.get(installation.clientId);
  return {
    client: client?.name ?? 'Ad-hoc',
    installation: {
      name: installation.name,
      baseUrl: installation.baseUrl,
      httpUrl: installation.httpUrl,
      landingPages: installation.landingPages,
      formUrls: installation.formUrls,
      privacyPolicyUrl: installation.privacyPolicyUrl,
    },
    run: {
      id: run.id,
      checklistId: run.checklistId,
      checklistVersion: run.checklistVersion,
      engineVersion: run.engineVersion,
      targetUrl: run.targetUrl,
      options: run.options,
      state: run.state,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      items: run.items,
      summary: run.summary,
    },
    evidence: run.evidence.map((e) => {
      const stored = store.getEvidence(e.sha256);
      if (!stored) throw new RunFileWriteError(runId, `run ${runId}: evidence ${e.sha256} is not in the store`);
      return { sha256: e.sha256, kind: e.kind, summary: e.summary, capturedAt: e.capturedAt, mediaType: stored.mediaType, size: stored.size };
    }),
  };
}


/**
 * Entry order: evidence/<sha256> by hash (each body once, read from the store one at a time as the ZIP is
 * written), manifest.json, manifest.sig. Returns the absolute path and the manifest.
 */
export async function writeRunFile(options: WriteRunFileOptions): Promise<{ file: string; manifest: RunFileManifest }> {
  const { store, key } = options;
  const createdAt = (options.now ?? new Date()).toISOString();
  const mtime = new Date(createdAt);
  const runs = options.runIds.map((id) => runFileEntry(store, id));
  const sizes = new Map<string, number>();
  for (const r of runs) for (const e of r.evidence) sizes.set(e.sha256, e.size);

  const zip = new ZipFile();
  for (const sha256 of [...sizes.keys()].sort()) {
    zip.addReadStreamLazy(`${EVIDENCE_DIR}${sha256}`, { mtime, mode: 0o644, size: sizes.get(sha256) }, (cb) => {
      let body: Buffer;
      try {
        body = store.readBlob(sha256);
      } catch (err) {
        cb(err, Readable.from([]));
        return;
      }
      cb(null, Readable.from([body]));
    });
  }
  const manifest: RunFileManifest = {
    format: RUNFILE_FORMAT,
    version: RUNFILE_VERSION,
    tool: options.tool,
    createdAt,
    runs,
    publicKey: key.publicKeyPem,
    publicKeyFingerprint: key.fingerprint,
  };
  const manifestBytes = serializeRunFileManifest(manifest);
  zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, mode: 0o644 });
  zip.addBuffer(signManifest(manifestBytes, key), SIGNATURE_PATH, { mtime, mode: 0o644, compress: false });
  zip.end();
  return { file: await writeZipAtomically(zip, options.file), manifest };
}
