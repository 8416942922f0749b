// The keyring (core/crypto/keyring.ts) with real files: creating it, unlocking it by key file or passphrase, and
// every refusal — each with a clear typed error, and each failed unlock leaving every file byte for byte as it was.
import { chmodSync as chmod, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createKeyring,
  cryptoErrorText,
  keyFilePath,
  keyringExists,
  keyringPath,
  needsPassphrase,
  openKeyring,
  type Keyring,
  type OpenKeyringOptions,
} from '../../../electron/core/crypto';
import { afterTest, cryptoErrorOf, snapshot, tempDbFile, TEST_PASSPHRASE } from './helpers';

const POSIX = process.platform !== 'win32';
const kept = (ring: Keyring): Keyring => (afterTest(() => ring.close()), ring);

/** Opening fails with `code`, and the folder is byte for byte, mode and mtime, what it was. */
function refusedUnchanged(db: string, options: OpenKeyringOptions, code: Parameters<typeof cryptoErrorOf>[1]) {
  const before = snapshot(path.dirname(db));
  const err = cryptoErrorOf(() => openKeyring(db, options), code);
  expect(snapshot(path.dirname(db))).toEqual(before);
  return err;
}

describe('createKeyring and openKeyring with a key file', () => {
  it('writes <db>.keyring and <db>.key with mode 0600, and opens to the same workstation key', () => {
    const db = tempDbFile();
    expect(keyringExists(db)).toBe(false);
    const created = kept(createKeyring(db, [{ method: 'keyfile' }]));
    expect(keyringExists(db)).toBe(true);
    expect(created.methods()).toEqual(['keyfile']);
    if (POSIX) {
      expect(statSync(keyringPath(db)).mode & 0o777).toBe(0o600);
      expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
    }
    const json = JSON.parse(readFileSync(keyringPath(db), 'utf8'));
    expect(json).toMatchObject({ format: 'pruefstand-keyring', version: 1, keyId: created.keyId, wrappings: [{ method: 'keyfile' }] });
    // Never the key in the clear, in either file.
    const key = created.workstationKey().bytes();
    for (const file of [keyringPath(db), keyFilePath(db)]) {
      const bytes = readFileSync(file);
      expect(bytes.includes(key)).toBe(false);
      for (const enc of ['hex', 'base64', 'base64url'] as const) expect(bytes.toString('latin1')).not.toContain(key.toString(enc));
    }
    const opened = kept(openKeyring(db));
    expect(opened.unlockedBy).toBe('keyfile');
    expect(opened.keyId).toBe(created.keyId);
    expect(opened.workstationKey().bytes().equals(key)).toBe(true);
    expect(opened.skipped).toEqual([]);
    expect(opened.rotationPending).toBe(false);
  });

  it('refuses to create over an existing keyring or key file, changing nothing', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'keyfile' }]));
    const before = snapshot(path.dirname(db));
    cryptoErrorOf(() => createKeyring(db, [{ method: 'keyfile' }]), 'keyring-exists');
    cryptoErrorOf(() => createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }]), 'keyring-exists');
    expect(snapshot(path.dirname(db))).toEqual(before);

    const other = tempDbFile();
    writeFileSync(keyFilePath(other), 'a key file from somewhere else', { mode: 0o600 });
    const beforeOther = snapshot(path.dirname(other));
    cryptoErrorOf(() => createKeyring(other, [{ method: 'keyfile' }]), 'key-file-exists');
    expect(snapshot(path.dirname(other))).toEqual(beforeOther);
    expect(existsSync(keyringPath(other))).toBe(false);
  });

  it('refuses no methods, a method twice, and an empty passphrase, writing nothing', () => {
    const db = tempDbFile();
    cryptoErrorOf(() => createKeyring(db, []), 'invalid-argument');
    cryptoErrorOf(() => createKeyring(db, [{ method: 'keyfile' }, { method: 'keyfile' }]), 'method-exists');
    cryptoErrorOf(() => createKeyring(db, [{ method: 'keyfile' }, { method: 'passphrase', passphrase: '' }]), 'passphrase-empty');
    expect(snapshot(path.dirname(db))).toEqual({});
  });

  it.runIf(POSIX)('refuses a key file readable by group or others, saying chmod 600, and leaves it so', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'keyfile' }]));
    for (const mode of [0o644, 0o640, 0o604, 0o660, 0o602]) {
      chmod(keyFilePath(db), mode);
      const err = refusedUnchanged(db, {}, 'key-file-mode');
      expect(err.message).toContain(`chmod 600 ${keyFilePath(db)}`);
      expect(err.message).toContain(`0${mode.toString(8)}`);
      expect(cryptoErrorText(err, 'de')).toContain('chmod 600');
      expect(statSync(keyFilePath(db)).mode & 0o777).toBe(mode);
    }
    chmod(keyFilePath(db), 0o400);
    kept(openKeyring(db));
  });

  it('refuses a missing key file, one of another keyring and a damaged one', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'keyfile' }]));
    const original = readFileSync(keyFilePath(db));

    const otherDb = tempDbFile();
    kept(createKeyring(otherDb, [{ method: 'keyfile' }]));
    writeFileSync(keyFilePath(db), readFileSync(keyFilePath(otherDb)), { mode: 0o600 });
    refusedUnchanged(db, {}, 'key-file-mismatch');

    writeFileSync(keyFilePath(db), original.subarray(0, 20), { mode: 0o600 });
    refusedUnchanged(db, {}, 'key-file-corrupt');

    writeFileSync(keyFilePath(db), original, { mode: 0o600 });
    kept(openKeyring(db));
    rmSync(keyFilePath(db));
    const err = refusedUnchanged(db, {}, 'key-file-missing');
    expect(err.message).toContain(keyFilePath(db));
    expect(err.message).toContain('PRUEFSTAND_PASSPHRASE');
  });
});

describe('a passphrase', () => {
  it('unlocks with the right passphrase (also typed in another Unicode normal form), not with a wrong one', () => {
    const db = tempDbFile();
    const created = kept(createKeyring(db, [{ method: 'passphrase', passphrase: 'Grüße aus Köln' }]));
    const kdf = JSON.parse(readFileSync(keyringPath(db), 'utf8')).wrappings[0].kdf;
    expect(kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(Buffer.from(kdf.salt, 'base64url').length).toBe(16);

    const opened = kept(openKeyring(db, { passphrase: 'Grüße aus Köln'.normalize('NFD') }));
    expect(opened.unlockedBy).toBe('passphrase');
    expect(opened.keyId).toBe(created.keyId);

    const err = refusedUnchanged(db, { passphrase: 'Grüsse aus Köln' }, 'wrong-passphrase');
    expect(cryptoErrorText(err, 'de')).toBe('Die Passphrase ist falsch. Es wurde nichts verändert.');
    expect(err.message).not.toContain('Köln');
  });

  it('asks for the passphrase when none was given (needsPassphrase), alone or after another method failed', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    const err = refusedUnchanged(db, {}, 'passphrase-needed');
    expect(needsPassphrase(err)).toBe(true);

    const both = tempDbFile();
    kept(createKeyring(both, [{ method: 'keyfile' }, { method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    rmSync(keyFilePath(both));
    const locked = refusedUnchanged(both, {}, 'locked');
    expect(locked.attempts.map((a) => [a.method, a.error.code])).toEqual([
      ['keyfile', 'key-file-missing'],
      ['passphrase', 'passphrase-needed'],
    ]);
    expect(needsPassphrase(locked)).toBe(true);
    expect(locked.message).toContain('[keyfile]');
    expect(cryptoErrorText(locked, 'de')).toContain('Die Schlüsseldatei');
    expect(needsPassphrase(refusedUnchanged(both, { passphrase: 'wrong' }, 'locked'))).toBe(false);
  });

  it('is tried after the key file: a key file with mode 0644 is skipped (and reported) when the passphrase works', () => {
    const db = tempDbFile();
    const created = kept(createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }, { method: 'keyfile' }]));
    expect(created.methods()).toEqual(['keyfile', 'passphrase']);
    expect(kept(openKeyring(db, { passphrase: 'not even looked at' })).unlockedBy).toBe('keyfile');
    if (!POSIX) return;
    chmod(keyFilePath(db), 0o644);
    const before = snapshot(path.dirname(db));
    const opened = kept(openKeyring(db, { passphrase: TEST_PASSPHRASE }));
    expect(opened.unlockedBy).toBe('passphrase');
    expect(opened.skipped.map((s) => s.error.code)).toEqual(['key-file-mode']);
    expect(snapshot(path.dirname(db))).toEqual(before);
  });
});

describe('a missing or damaged keyring', () => {
  it('is keyring-missing when there is none, naming the file and what to do', () => {
    const db = tempDbFile();
    const err = cryptoErrorOf(() => openKeyring(db), 'keyring-missing');
    expect(err.message).toContain(keyringPath(db));
    expect(err.message).toMatch(/Restore the keyring/);
    expect(cryptoErrorText(err, 'de')).toMatch(/aus der Sicherung zurück/);
  });

  it('is keyring-corrupt for anything but a well-formed keyring, and nothing is changed', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'keyfile' }]));
    const good = JSON.parse(readFileSync(keyringPath(db), 'utf8'));
    const cases: [unknown, RegExp][] = [
      ['{ "format": "pruefstand-keyring", ', /not JSON/],
      [[], /not a pruefstand-keyring file/],
      [{ ...good, format: 'other' }, /not a pruefstand-keyring file/],
      [{ ...good, version: 2 }, /newer than this Prüfstand/],
      [{ ...good, keyId: 'xyz' }, /keyId/],
      [{ ...good, wrappings: [] }, /wrappings is not a non-empty list/],
      [{ ...good, wrappings: [{ method: 'magic' }] }, /wrappings\[0\]\.method/],
      [{ ...good, wrappings: [{ ...good.wrappings[0], wrapped: 'plain' }] }, /wrappings\[0\]\.wrapped/],
      [{ ...good, wrappings: [good.wrappings[0], good.wrappings[0]] }, /"keyfile" twice/],
      [{ ...good, wrappings: [{ method: 'passphrase', kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA' }, wrapped: good.wrappings[0].wrapped }] }, /kdf\.N/],
      [{ ...good, next: { keyId: good.keyId } }, /next\.wrapped/],
    ];
    for (const [content, detail] of cases) {
      writeFileSync(keyringPath(db), typeof content === 'string' ? content : JSON.stringify(content));
      const err = refusedUnchanged(db, {}, 'keyring-corrupt');
      expect(err.message).toMatch(detail);
      expect(err.message).toContain('Nothing was changed');
    }
  });

  it('is keyring-corrupt when a wrapping was altered (it no longer opens with the right key file)', () => {
    const db = tempDbFile();
    kept(createKeyring(db, [{ method: 'keyfile' }]));
    const good = JSON.parse(readFileSync(keyringPath(db), 'utf8'));
    const wrapped: string = good.wrappings[0].wrapped;
    const i = wrapped.length - 5;
    const altered = wrapped.slice(0, i) + (wrapped[i] === 'A' ? 'B' : 'A') + wrapped.slice(i + 1);
    writeFileSync(keyringPath(db), JSON.stringify({ ...good, wrappings: [{ ...good.wrappings[0], wrapped: altered }] }));
    const err = refusedUnchanged(db, {}, 'keyring-corrupt');
    expect(err.message).toMatch(/keyfile wrapping does not open/);
  });
});
