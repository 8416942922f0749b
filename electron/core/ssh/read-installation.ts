import type { NetError } from '../net/types';
import type { SshSource } from '../probes/config-source';

/** One read-only command run over SSH, as evidence. */
export interface CommandRecord {
  command: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** What a read-only SSH session could read from the installation's server. */
export interface InstallationFiles {
  /** The configuration file that was found, with its path on the server. */
  localPhp: { path: string; content: Buffer } | null;
  /** The crontab of the web user (or the login user), as text. */
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

/** Reads the installation's files over SSH with read-only commands. Never throws. */
export async function readInstallationOverSsh(_source: SshSource, _signal: AbortSignal): Promise<ReadResult> {
  return { ok: false, error: { code: 'protocol', message: 'SSH is not implemented yet' } };
}
