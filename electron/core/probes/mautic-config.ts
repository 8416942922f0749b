import { open } from 'node:fs/promises';
import { MAX_CRONTAB_BYTES, type CronLine } from '../mautic-config/crontab';
import { MAX_LOCAL_PHP_BYTES } from '../mautic-config/local-php';
import type { PhpMap } from '../mautic-config/php-values';
import { redactText } from '../mautic-config/redact';
import { mergedEvidence, redactedCrontab, redactedLocalPhp } from '../mautic-config/redacted-files';
import { exactVersionLine } from '../mautic-config/versions';
import type { NetError } from '../net/types';
import { readInstallationOverSsh, type InstallationFiles } from '../ssh/read-installation';
import type { MauticVersionLine } from './mautic-version';
import type { EvidenceSink, Probe, ProbeResult } from './types';

/** local.php, parsed and redacted: only literal values; computed ones are marked, never guessed. */
export interface LocalPhpObservation {
  ok: true;
  /** The local path, or `host:/path` on the server. */
  path: string;
  bytes: number;
  parameters: PhpMap;
  redactedKeys: string[];
  ignoredStatements: number;
  /** The redacted source (text/x-php) and the redacted effective values with provenance (JSON). */
  evidence: string[];
}

export interface CrontabObservation {
  ok: true;
  path: string;
  lines: CronLine[];
  truncated: boolean;
  evidence: string[];
}

/** A file that was given (or looked for over SSH) but could not be read or parsed. */
export interface FileFailure {
  ok: false;
  path: string;
  error: NetError;
  evidence: string[];
}

export interface MauticConfigObservation {
  /** 'none': the auditor gave no files and no SSH access; the checks then say how to provide them. */
  source: 'none' | 'files' | 'ssh';
  /** null: not given. */
  localPhp: LocalPhpObservation | FileFailure | null;
  crontab: CrontabObservation | FileFailure | null;
  /** The exact version read over SSH; null otherwise (the checks then use the mtc.js version line). */
  version: MauticVersionLine | null;
  /** The SSH server's host key as seen (`SHA256:…`); null when nothing was read over SSH. */
  sshHostKey: string | null;
}

type Bytes = { ok: true; bytes: Buffer } | { ok: false; error: NetError };

/** Reads at most `cap` bytes: a bigger file is refused from its size, a growing one after cap + 1 bytes. */
async function readBounded(path: string, cap: number): Promise<Bytes> {
  const io = (message: string): Bytes => ({ ok: false, error: { code: 'io', message } });
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return io(`${path} is not a regular file`);
    if (stat.size > cap) return io(`${path} has ${stat.size} bytes, more than the limit of ${cap}; it was not read`);
    const buffer = Buffer.alloc(cap + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > cap) return io(`${path} has more than ${cap} bytes; it was not read`);
    return { ok: true, bytes: buffer.subarray(0, filled) };
  } catch (err) {
    return io(`${path} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const now = () => new Date().toISOString();
const failure = (path: string, error: NetError): FileFailure => ({ ok: false, path, error, evidence: [] });

function observeLocalPhp(path: string, read: Bytes, version: MauticVersionLine | null, evidence: EvidenceSink): LocalPhpObservation | FileFailure {
  if (!read.ok) return failure(path, read.error);
  const result = redactedLocalPhp(read.bytes);
  if (!result.ok) return failure(path, { code: result.error.code, message: `${path}: ${result.error.message}` });
  const { file } = result;
  const source = evidence.add({ kind: 'config-file', summary: `local.php, secrets redacted (${path})`, mediaType: 'text/x-php', content: Buffer.from(file.source, 'utf8'), capturedAt: now() });
  const { document } = mergedEvidence(file, path, version);
  const json = evidence.add({ kind: 'config-file', summary: `Effective configuration with provenance, secrets redacted (${path})`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(document, null, 2), 'utf8'), capturedAt: now() });
  return { ok: true, path, bytes: read.bytes.length, parameters: file.parameters, redactedKeys: file.redactedKeys, ignoredStatements: file.ignoredStatements, evidence: [source, json] };
}

function observeCrontab(path: string, read: Bytes, evidence: EvidenceSink): CrontabObservation | FileFailure {
  if (!read.ok) return failure(path, read.error);
  const result = redactedCrontab(read.bytes);
  if (!result.ok) return failure(path, { code: result.error.code, message: `${path}: ${result.error.message}` });
  const sha = evidence.add({ kind: 'command-output', summary: `Crontab, secrets redacted (${path})`, mediaType: 'text/plain', content: Buffer.from(result.text, 'utf8'), capturedAt: now() });
  return { ok: true, path, lines: result.parsed.lines, truncated: result.parsed.truncated, evidence: [sha] };
}

/** What the SSH session did, as evidence: the read-only commands and their exit codes, never their output. */
function sshEvidence(host: string, files: InstallationFiles, evidence: EvidenceSink): string {
  const document = {
    host,
    hostKeySha256: files.hostKeySha256,
    mauticVersion: files.mauticVersion,
    phpVersion: files.phpVersion,
    localPhp: files.localPhp?.path ?? null,
    commands: files.commands.map((c) => ({ command: redactText(c.command), exitCode: c.exitCode })),
  };
  return evidence.add({ kind: 'command-output', summary: `SSH session to ${host} (read-only commands)`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(document, null, 2), 'utf8'), capturedAt: now() });
}

function result(data: MauticConfigObservation, extra: string[] = []): ProbeResult<MauticConfigObservation> {
  const evidence = [...extra, ...(data.localPhp?.evidence ?? []), ...(data.crontab?.evidence ?? [])];
  const given = [data.localPhp, data.crontab].filter((f) => f !== null);
  // Nothing given could be read: the probe failed. One file read: its checks decide, the other's say error.
  const failures = given.filter((f): f is FileFailure => !f.ok);
  if (given.length && failures.length === given.length) return { ok: false, error: failures[0]!.error, evidence };
  return { ok: true, data, evidence };
}

/**
 * The installation's own files: local.php parsed as PHP (never run) and the crontab, from files the auditor
 * picked or read over SSH. Only redacted forms are kept: as evidence, and in the observation.
 */
export const mauticConfigProbe: Probe<'mautic-config'> = {
  id: 'mautic-config',
  async run({ target, evidence, signal }) {
    const source = target.config;
    if (!source || (source.kind === 'files' && !source.localPhpPath && !source.crontabPath)) {
      return { ok: true, data: { source: 'none', localPhp: null, crontab: null, version: null, sshHostKey: null }, evidence: [] };
    }
    if (source.kind === 'files') {
      const { localPhpPath, crontabPath } = source;
      const localPhp = localPhpPath ? observeLocalPhp(localPhpPath, await readBounded(localPhpPath, MAX_LOCAL_PHP_BYTES), null, evidence) : null;
      const crontab = crontabPath ? observeCrontab(crontabPath, await readBounded(crontabPath, MAX_CRONTAB_BYTES), evidence) : null;
      return result({ source: 'files', localPhp, crontab, version: null, sshHostKey: null });
    }
    const read = await readInstallationOverSsh(source, signal);
    if (!read.ok) return { ok: false, error: { code: read.error.code, message: redactText(read.error.message) }, evidence: [] };
    const { files } = read;
    const session = sshEvidence(source.host, files, evidence);
    const version = exactVersionLine(files.mauticVersion);
    const notFound = (what: string): Bytes => ({ ok: false, error: { code: 'io', message: `${what} could not be read over SSH on ${source.host}` } });
    const phpPath = files.localPhp ? `${source.host}:${files.localPhp.path}` : `${source.host}:local.php`;
    const phpBytes: Bytes = !files.localPhp ? notFound('local.php') : files.localPhp.content.length > MAX_LOCAL_PHP_BYTES ? { ok: false, error: { code: 'io', message: `${phpPath} has more than ${MAX_LOCAL_PHP_BYTES} bytes; it was not read` } } : { ok: true, bytes: files.localPhp.content };
    const localPhp = observeLocalPhp(phpPath, phpBytes, version, evidence);
    const cronPath = `${source.host}: crontab -l${source.webUser ? ` (${source.webUser})` : ''}`;
    const crontab = observeCrontab(cronPath, files.crontab === null ? notFound('The crontab') : { ok: true, bytes: Buffer.from(files.crontab, 'utf8') }, evidence);
    return result({ source: 'ssh', localPhp, crontab, version, sshHostKey: files.hostKeySha256 }, [session]);
  },
};
