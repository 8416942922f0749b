// The signed evidence pack: one ZIP with the PDF report, the workbook, every evidence body and a manifest
// listing each file's SHA-256, signed with the workstation's Ed25519 key, and — when asked — an RFC 3161
// time-stamp token over the manifest from a time-stamping authority. verify-pack.ts checks it.
import { createHash, randomBytes, sign } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Timestamp } from '../timestamp/client';
import type { TimestampInfo } from '../timestamp/verify-token';
import type { ReportModel } from './model';
import type { SigningKey } from './signing-key';

export const PACK_FORMAT = 'pruefstand-evidence-pack';
export const PACK_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
/** The TSA's token over manifest.json (DER); the manifest cannot list it, as the token is made over the manifest. */
export const TIMESTAMP_PATH = 'manifest.tsr';
export const REPORT_PATH = 'report.pdf';
export const WORKBOOK_PATH = 'evidence.xlsx';
export const EVIDENCE_DIR = 'evidence/';

export interface PackFileEntry {
  path: string;
  sha256: string;
  size: number;
}

/** One auditor's judgement in force for the run: kept apart from what was measured, sealed by `evidence`. */
export interface PackJudgement {
  checkId: string;
  kind: string;
  /** The auditor's verdict; `measured` is the engine's for this run. */
  status: string;
  measured: string;
  by: string;
  at: string;
  madeInRun: number;
  stale: boolean;
  evidence: string;
  attachments: { sha256: string; mediaType: string; size: number }[];
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  tool: { name: string; version: string };
  run: {
    id: number;
    client: string;
    installation: { name: string; baseUrl: string };
    targetUrl: string;
    checklist: { id: string; version: string };
    engineVersion: string;
    startedAt: string;
    finishedAt: string | null;
    state: string;
    /** True only when the run ended and every automated check was decided. */
    complete: boolean;
    /** The automated checks that could not run, by cause. */
    undecided: ReportModel['summary']['undecided'];
  };
  chainHead: { seq: number; hash: string } | null;
  createdAt: string;
  /** Every file of the ZIP except manifest.json and manifest.sig, in ZIP order. */
  files: PackFileEntry[];
  /** What each evidence body is (signed with it, so a body cannot be passed off as something else). */
  evidence: { sha256: string; kind: string; capturedAt: string; summary: string; mediaType: string }[];
  /** The auditor's judgements; absent in packs written before they were recorded. */
  judgements?: PackJudgement[];
  publicKey: string;
  publicKeyFingerprint: string;
}

export interface WritePackOptions {
  model: ReportModel;
  pdfFile: string;
  xlsxFile: string;
  /** Returns the stored body, checked against its hash (Store.readBlob). */
  readBlob: (sha256: string) => Buffer;
  key: SigningKey;
  /** Where the ZIP goes; written to a temp file beside it and renamed into place. */
  file: string;
  /** For reproducible packs in tests; defaults to now. */
  now?: Date;
  /**
   * Gets a time-stamp token over the manifest's bytes (core/timestamp requestTimestamp). Asked before anything
   * is written: when it fails, writePack fails and no file is left.
   */
  timestamp?: (manifestBytes: Buffer) => Promise<Timestamp>;
}

export interface WrittenPack {
  file: string;
  manifest: PackManifest;
  /** What the TSA's token says (time, TSA, serial); null without a timestamp. */
  timestamp: TimestampInfo | null;
}

const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Evidence bodies sorted by hash, each once. */
function evidenceOf(model: ReportModel): ReportModel['evidence'] {
  const bySha = new Map<string, ReportModel['evidence'][number]>();
  for (const e of model.evidence) if (!bySha.has(e.sha256)) bySha.set(e.sha256, e);
  return [...bySha.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

/** The exact bytes that are signed: pretty JSON, keys in a fixed order, trailing newline. */
export function serializeManifest(manifest: PackManifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

/** The base64 Ed25519 signature over the manifest bytes, as stored in manifest.sig. */
export function signManifest(manifestBytes: Buffer, key: SigningKey): Buffer {
  return Buffer.from(sign(null, manifestBytes, key.privateKey).toString('base64') + '\n', 'ascii');
}

/**
 * Writes the pack. Entry order is fixed: report.pdf, evidence.xlsx, evidence/<sha256> by hash, manifest.json,
 * manifest.sig, manifest.tsr (with a timestamp); every entry carries the pack's creation time. Evidence bodies are read one at a time as the
 * ZIP is written, so memory stays at about one body (≤ 2 MiB) however large the run.
 */
export async function writePack(options: WritePackOptions): Promise<WrittenPack> {
  const { model, key } = options;
  const createdAt = (options.now ?? new Date()).toISOString();
  const mtime = new Date(createdAt);
  const files: PackFileEntry[] = [];
  const documents: [string, Buffer][] = [];
  for (const [source, name] of [
    [options.pdfFile, REPORT_PATH],
    [options.xlsxFile, WORKBOOK_PATH],
  ] as const) {
    const content = await readFile(source);
    files.push({ path: name, sha256: sha256Hex(content), size: content.length });
    documents.push([name, content]);
  }
  const evidence = evidenceOf(model);
  for (const e of evidence) files.push({ path: `${EVIDENCE_DIR}${e.sha256}`, sha256: e.sha256, size: e.size });

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    tool: { name: model.tool.name, version: model.tool.version },
    run: {
      id: model.run.id,
      client: model.client.name,
      installation: { name: model.installation.name, baseUrl: model.installation.baseUrl },
      targetUrl: model.run.targetUrl,
      checklist: { id: model.run.checklistId, version: model.run.checklistVersion },
      engineVersion: model.run.engineVersion,
      startedAt: model.run.startedAt,
      finishedAt: model.run.finishedAt,
      state: model.run.state,
      complete: model.summary.completeness === 'complete',
      undecided: model.summary.undecided,
    },
    chainHead: model.chainHead ? { seq: model.chainHead.seq, hash: model.chainHead.hash } : null,
    createdAt,
    files,
    evidence: evidence.map((e) => ({ sha256: e.sha256, kind: e.kind, capturedAt: e.capturedAt, summary: e.summary, mediaType: e.mediaType })),
    judgements: model.judgements.map((j) => ({
      checkId: j.checkId,
      kind: j.kind,
      status: j.status,
      measured: j.measured,
      by: j.by,
      at: j.at,
      madeInRun: j.madeInRun,
      stale: j.stale,
      evidence: j.evidence,
      attachments: j.attachments.map((a) => ({ sha256: a.sha256, mediaType: a.mediaType, size: a.size })),
    })),
    publicKey: key.publicKeyPem,
    publicKeyFingerprint: key.fingerprint,
  };
  const manifestBytes = serializeManifest(manifest);
  // The time stamp before any entry is added: yazl starts reading entries at once, and a failed stamp must leave
  // nothing running (the caller closes the store).
  const stamp = options.timestamp ? await options.timestamp(manifestBytes) : null;

  const zip = new ZipFile();
  for (const [name, content] of documents) zip.addBuffer(content, name, { mtime, mode: 0o644 });
  for (const e of evidence) {
    // readBlob verifies the body against its hash; yazl verifies the size.
    zip.addReadStreamLazy(`${EVIDENCE_DIR}${e.sha256}`, { mtime, mode: 0o644, size: e.size }, (cb) => {
      let body: Buffer;
      try {
        body = options.readBlob(e.sha256);
      } catch (err) {
        cb(err, Readable.from([]));
        return;
      }
      cb(null, Readable.from([body]));
    });
  }
  zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, mode: 0o644 });
  zip.addBuffer(signManifest(manifestBytes, key), SIGNATURE_PATH, { mtime, mode: 0o644, compress: false });
  if (stamp) zip.addBuffer(stamp.token, TIMESTAMP_PATH, { mtime, mode: 0o644, compress: false });
  zip.end();

  const target = await writeZipAtomically(zip, options.file);
  return { file: target, manifest, timestamp: stamp?.info ?? null };
}

/** Streams a finished yazl ZIP to `file`: a temp file in the same folder, fsync, rename; nothing is left on failure. */
export async function writeZipAtomically(zip: ZipFile, file: string): Promise<string> {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
    await new Promise<void>((resolve, reject) => {
      // yazl reports a failing entry (an unreadable body, a wrong size) on the ZipFile, not on the stream.
      const abort = new AbortController();
      zip.once('error', (err: Error) => {
        abort.abort();
        reject(err);
      });
      pipeline(zip.outputStream, out, { signal: abort.signal }).then(resolve, reject);
    });
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return target;
}
