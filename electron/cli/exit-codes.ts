import type { AuditResult } from '../core/audit/types';
import { undecidedChecks } from '../shared/completeness';
import type { TtyInput } from './prompt';

/** The exit codes of `pruefstand`, as documented in the README and `--help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, incomplete: 3, cancelled: 130 } as const;

/**
 * What an audit tells a script: 0 only when every automated check was decided and none failed.
 * A failure outranks undecided checks (it is a finding either way); a target that could not be audited
 * at all is a usage-class error, since nothing about the installation was learned.
 */
export function auditExitCode(result: Pick<AuditResult, 'state' | 'unreachable' | 'items'>): number {
  if (result.state === 'cancelled') return EXIT.cancelled;
  if (result.unreachable) return EXIT.usage;
  if (result.items.some((i) => i.checks.some((c) => c.automated && c.status === 'fail'))) return EXIT.failed;
  return undecidedChecks(result.items).checks > 0 ? EXIT.incomplete : EXIT.ok;
}

/** Where a command reads and writes; the real process streams, or a test's. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Where passphrases and passwords are typed (a terminal); process.stdin when not given. */
  stdin?: TtyInput;
}
