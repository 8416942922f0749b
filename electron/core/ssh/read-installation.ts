import type { NetError } from '../net/types';
import type { SshSource } from '../probes/config-source';
import { catCommand, configCandidates, crontabCommand, crontabFromRun, parsePhpVersion, parseVersion, phpVersionCommand, USUAL_ROOTS, versionCandidates } from './commands';
import { stopped } from './errors';
import type { ExecOutput, SessionLimits, SshSession } from './session';

/** One read-only command run over SSH, as evidence. */
export interface CommandRecord {
  command: string;
  exitCode: number | null;
  /** The output as text; for local.php only "<n bytes read>", since the file holds secrets. */
  stdout: string;
  stderr: string;
  /** stdout reached the cap (ReadOptions.maxStdoutBytes) and was cut there. */
  truncated?: true;
  /** The command did not finish within ReadOptions.commandTimeoutMs and was stopped. */
  timedOut?: true;
}

/** What a read-only SSH session could read from the installation's server. */
export interface InstallationFiles {
  /** The configuration file that was found, with its path on the server. */
  localPhp: { path: string; content: Buffer; truncated?: true } | null;
  /** The crontab of the web user (or the login user), as text; '' when that user has no crontab. */
  crontab: string | null;
  /** `php -v`'s first line, e.g. "PHP 8.1.2 (cli) …". */
  phpVersion: string | null;
  /** The exact Mautic version from app/version.txt or app/release_metadata.json. */
  mauticVersion: string | null;
  /** The host key seen, as `SHA256:…`. */
  hostKeySha256: string;
  commands: CommandRecord[];
}

export type ReadResult = { ok: true; files: InstallationFiles } | { ok: false; error: NetError };

export interface ReadOptions extends SessionLimits {
  /** The whole session: connect, every command, disconnect. */
  deadlineMs: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  readyTimeoutMs: 15_000,
  keepaliveIntervalMs: 5_000,
  keepaliveCountMax: 3,
  commandTimeoutMs: 15_000,
  maxStdoutBytes: 1024 * 1024,
  maxStderrBytes: 64 * 1024,
  deadlineMs: 120_000,
};

function record(command: string, out: ExecOutput, secret: boolean): CommandRecord {
  const cut = out.truncated ? ', truncated' : '';
  return {
    command,
    exitCode: out.exitCode,
    stdout: secret ? `<${out.stdout.length} bytes read${cut}>` : out.stdout.toString('utf8'),
    stderr: out.stderr.toString('utf8'),
    ...(out.truncated ? { truncated: true as const } : {}),
    ...(out.timedOut ? { timedOut: true as const } : {}),
  };
}

async function readFiles(session: SshSession, source: SshSource): Promise<InstallationFiles> {
  const commands: CommandRecord[] = [];
  const run = async (command: string, secret = false) => {
    const out = await session.exec(command);
    commands.push(record(command, out, secret));
    return out;
  };
  const lost = () => session.failure() !== null;

  let localPhp: InstallationFiles['localPhp'] = null;
  let root: string | null = source.mauticRoot;
  for (const candidate of configCandidates(source.mauticRoot)) {
    if (lost()) break;
    const out = await run(catCommand(candidate.path), true);
    if (out.exitCode === 0 || out.truncated) {
      localPhp = { path: candidate.path, content: out.stdout, ...(out.truncated ? { truncated: true as const } : {}) };
      root = candidate.root;
      break;
    }
  }

  let mauticVersion: string | null = null;
  for (const candidate of versionCandidates(root === null ? USUAL_ROOTS : [root])) {
    if (lost()) break;
    const out = await run(catCommand(candidate.path));
    mauticVersion = out.exitCode === 0 ? parseVersion(out.stdout, candidate.format) : null;
    if (mauticVersion) break;
  }

  // The web user's crontab needs root (or being that user); when it cannot be listed, the login user's is next best.
  let crontab: string | null = null;
  for (const user of source.webUser === null ? [null] : [source.webUser, null]) {
    if (lost()) break;
    const out = await run(crontabCommand(user));
    crontab = crontabFromRun(out, out.stdout.toString('utf8'), out.stderr.toString('utf8'));
    if (crontab !== null) break;
  }

  let phpVersion: string | null = null;
  if (!lost()) {
    const out = await run(phpVersionCommand());
    phpVersion = out.exitCode === 0 ? parsePhpVersion(out.stdout.toString('utf8')) : null;
  }

  return { localPhp, crontab, phpVersion, mauticVersion, hostKeySha256: session.hostKeySha256, commands };
}

/**
 * Reads the installation's files over SSH with a fixed list of read-only commands (commands.ts). Never throws:
 * a failed connection, login or host-key check is `{ ok: false }`; a missing file or crontab is null in `files`.
 */
export async function readInstallationOverSsh(source: SshSource, signal: AbortSignal, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_READ_OPTIONS, ...options };
  const controller = new AbortController();
  const onAbort = () => controller.abort(stopped(signal));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const where = `${source.host}:${source.port}`;
  const deadline = setTimeout(
    () => controller.abort({ code: 'timeout', message: `the SSH session with ${where} did not finish within ${limits.deadlineMs} ms` } satisfies NetError),
    limits.deadlineMs,
  );
  try {
    // ssh2 loads only when an installation is actually read over SSH.
    const { openSession } = await import('./session.js');
    const opened = await openSession(source, controller.signal, limits);
    if (!opened.ok) return opened;
    const { session } = opened;
    try {
      const files = await readFiles(session, source);
      const failure = session.failure();
      return failure ? { ok: false, error: failure } : { ok: true, files };
    } finally {
      session.close();
    }
  } catch (err) {
    return { ok: false, error: { code: 'io', message: `reading over SSH from ${where} failed: ${(err as Error).message}` } };
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', onAbort);
  }
}
