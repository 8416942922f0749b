import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { joinRemote, shellQuote } from '../../../electron/core/ssh/shell-quote';

/** What a real POSIX shell makes of the quoted word. */
const throughSh = (word: string) => spawnSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' }).stdout;

describe('shellQuote', () => {
  it.each([
    ['plain', '/var/www/html/config/local.php'],
    ['single quotes', "it's 'quoted'"],
    ['command substitution', '$(touch /tmp/x) and `touch /tmp/y`'],
    ['variables and globs', '$HOME ${PATH} * ? [a-z] ~'],
    ['backslashes and newlines', 'a\\b\nc\td'],
    ['option-like', '-rf'],
    ['empty', ''],
    ['shell syntax', '; | & > < ( ) { } ! #'],
  ])('keeps %s literal through /bin/sh', (_name, word) => {
    expect(throughSh(word)).toBe(word);
  });

  it('wraps in single quotes and refuses NUL', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});

describe('joinRemote', () => {
  it('joins without doubling slashes', () => {
    expect(joinRemote('/var/www/html', 'config/local.php')).toBe('/var/www/html/config/local.php');
    expect(joinRemote('/var/www/html//', 'app/version.txt')).toBe('/var/www/html/app/version.txt');
    expect(joinRemote('/', 'config/local.php')).toBe('/config/local.php');
  });
});
