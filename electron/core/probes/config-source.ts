/**
 * Where the installation's own files come from. Credentials live only in memory for the length of one
 * audit; they are never stored, logged or written into run options.
 */
export interface UploadedFilesSource {
  kind: 'files';
  /** Path of the local.php the auditor picked; null when none was given. */
  localPhpPath: string | null;
  /** Path of a crontab listing (e.g. the output of `crontab -l -u www-data`); null when none was given. */
  crontabPath: string | null;
}

export type SshAuth =
  | { kind: 'agent'; socket: string }
  | { kind: 'key'; privateKey: Buffer; passphrase?: string }
  | { kind: 'password'; password: string };

export interface SshSource {
  kind: 'ssh';
  host: string;
  port: number;
  username: string;
  auth: SshAuth;
  /** The Mautic root on the server; null: look in the usual places. */
  mauticRoot: string | null;
  /** Whose crontab to list (the web server's user); null: the login user's. */
  webUser: string | null;
  /** The expected host key fingerprint (`SHA256:…`); null: accept and record the key seen (trust on first use). */
  hostKeySha256: string | null;
}

export type ConfigSource = UploadedFilesSource | SshSource;
