import { joinRemote, shellQuote } from './shell-quote';

// The only commands this tool ever runs on an audited server. Each one reads; none writes, deletes or starts
// anything. `env LC_ALL=C` keeps the tools' messages in English whatever the server's locale, and works in any
// login shell (sh, bash, zsh, csh). Every value that comes from the auditor is shell-quoted.

/** Where Mautic usually lives when the auditor does not say (the folder that holds `app/`). */
export const USUAL_ROOTS = ['/var/www/html', '/var/www/mautic', '/var/www/html/mautic'] as const;

/** local.php below a Mautic root: 5.x `<project>/config/local.php` first, then 2.x–4.x `app/config/local.php`. */
export const CONFIG_FILES = ['config/local.php', 'app/config/local.php'] as const;

/**
 * The version files below a Mautic root, best first: 3.x+ `app/release_metadata.json`, 2.x `app/version.txt`,
 * and the 5.x composer layout, where the web root (with `app/`) is `docroot/` inside the project.
 */
export const VERSION_FILES = [
  { path: 'app/release_metadata.json', format: 'json' },
  { path: 'app/version.txt', format: 'text' },
  { path: 'docroot/app/release_metadata.json', format: 'json' },
] as const;

export type VersionFormat = (typeof VERSION_FILES)[number]['format'];

const run = (words: string) => `env LC_ALL=C ${words}`;

export const catCommand = (path: string) => run(`cat -- ${shellQuote(path)}`);
export const phpVersionCommand = () => run('php -v');
export const crontabCommand = (user: string | null) => run(user === null ? 'crontab -l' : `crontab -u ${shellQuote(user)} -l`);

/** The config files to try, in order: for each root, 5.x first, then 2.x–4.x. */
export function configCandidates(mauticRoot: string | null): { root: string; path: string }[] {
  const roots = mauticRoot === null ? [...USUAL_ROOTS] : [mauticRoot];
  return roots.flatMap((root) => CONFIG_FILES.map((file) => ({ root, path: joinRemote(root, file) })));
}

export function versionCandidates(roots: readonly string[]): { path: string; format: VersionFormat }[] {
  return roots.flatMap((root) => VERSION_FILES.map((v) => ({ path: joinRemote(root, v.path), format: v.format })));
}

const VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}(?:[-.+][0-9A-Za-z.+-]{1,40})?$/;

/** The version in `release_metadata.json` ("version": "4.4.9") or on the first line of `version.txt`. */
export function parseVersion(content: Buffer, format: VersionFormat): string | null {
  const text = content.toString('utf8');
  let candidate: unknown;
  if (format === 'json') {
    try {
      candidate = (JSON.parse(text) as { version?: unknown } | null)?.version;
    } catch {
      return null;
    }
  } else {
    candidate = text.split(/\r?\n/, 1)[0]?.trim();
  }
  return typeof candidate === 'string' && VERSION.test(candidate) ? candidate : null;
}

/** `php -v`'s first line ("PHP 8.1.2-1ubuntu2.14 (cli) (built: …)"), if it is one. */
export function parsePhpVersion(stdout: string): string | null {
  const first = stdout.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return /^PHP \d+\.\d+/.test(first) ? first.slice(0, 200) : null;
}

/**
 * What a `crontab -l` run says: the listing on success (cut at the cap when `truncated`); '' when the user has no
 * crontab ("no crontab for www-data", the wording of cronie, Vixie and Debian cron); null when it could not be
 * read (no permission, no crontab tool, timeout).
 */
export function crontabFromRun(run: { exitCode: number | null; truncated: boolean }, stdout: string, stderr: string): string | null {
  const { exitCode } = run;
  if (exitCode === 0 || run.truncated) return stdout;
  if (exitCode !== null && /^no crontab for /im.test(stderr)) return '';
  return null;
}

/** Web users are plain login names; anything else is refused before it gets near a command line. */
export const USER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}\$?$/;
