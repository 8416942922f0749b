import type { TtyInput } from './prompt';

/** The exit codes of `pruefstand`, as documented in the README and `--help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Where a command reads and writes; the real process streams, or a test's. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Where passphrases and passwords are typed (a terminal); process.stdin when not given. */
  stdin?: TtyInput;
}
