// Adding and removing ways to unlock (core/crypto/keyring.ts): every wrapping holds the SAME workstation key, the
// last way cannot be removed, a key file is never overwritten, and a stray temp file from a killed write is ignored.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyring, keyFilePath, keyringPath, openKeyring, type Keyring } from '../../../electron/core/crypto';
import { afterTest, cryptoErrorOf, snapshot, tempDbFile, TEST_PASSPHRASE } from './helpers';

const kept = (ring: Keyring): Keyring => (afterTest(() => ring.close()), ring);

describe('addMethod / removeMethod', () => {
  it('adds a passphrase to a key-file keyring: both unlock the same key, and without the key file the passphrase does', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }]));
    ring.addMethod({ method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect(ring.methods()).toEqual(['keyfile', 'passphrase']);
    rmSync(keyFilePath(db));
    const opened = kept(openKeyring(db, { passphrase: TEST_PASSPHRASE }));
    expect(opened.unlockedBy).toBe('passphrase');
    expect(opened.keyId).toBe(ring.keyId);
    expect(opened.skipped.map((s) => s.error.code)).toEqual(['key-file-missing']);
  });

  it('replaces a passphrase (the old one no longer unlocks), and removing the key file method deletes <db>.key', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }, { method: 'passphrase', passphrase: 'old passphrase' }]));
    ring.addMethod({ method: 'passphrase', passphrase: 'new passphrase' });
    ring.removeMethod('keyfile');
    expect(existsSync(keyFilePath(db))).toBe(false);
    expect(ring.methods()).toEqual(['passphrase']);
    cryptoErrorOf(() => openKeyring(db, { passphrase: 'old passphrase' }), 'wrong-passphrase');
    expect(kept(openKeyring(db, { passphrase: 'new passphrase' })).keyId).toBe(ring.keyId);
  });

  it('adds a key file to a passphrase keyring, writing <db>.key first', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    ring.addMethod({ method: 'keyfile' });
    const opened = kept(openKeyring(db));
    expect(opened.unlockedBy).toBe('keyfile');
    expect(opened.keyId).toBe(ring.keyId);
  });

  it('refuses: the last method, a method it does not have, a second key file, a stray key file; nothing changes', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }]));
    const before = snapshot(path.dirname(db));
    cryptoErrorOf(() => ring.removeMethod('keyfile'), 'last-method');
    cryptoErrorOf(() => ring.removeMethod('passphrase'), 'method-missing');
    cryptoErrorOf(() => ring.addMethod({ method: 'keyfile' }), 'method-exists');
    cryptoErrorOf(() => ring.addMethod({ method: 'passphrase', passphrase: '' }), 'passphrase-empty');
    expect(snapshot(path.dirname(db))).toEqual(before);

    const other = tempDbFile();
    const pp = kept(createKeyring(other, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    writeFileSync(keyFilePath(other), 'left from an earlier keyring', { mode: 0o600 });
    const beforeOther = snapshot(path.dirname(other));
    cryptoErrorOf(() => pp.addMethod({ method: 'keyfile' }), 'key-file-exists');
    expect(snapshot(path.dirname(other))).toEqual(beforeOther);
  });
});

describe('a write killed half way', () => {
  it('leaves the keyring as it was beside a stray temp file, which opening ignores and leaves alone', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }]));
    const dir = path.dirname(db);
    // What a kill between writing the temp file and renaming it leaves: a half-written next version beside the old.
    const next = readFileSync(keyringPath(db), 'utf8').replace('"keyfile"', '"passphrase"');
    const stray = path.join(dir, `.${path.basename(keyringPath(db))}.4242.a1b2c3d4e5f6.tmp`);
    writeFileSync(stray, next.slice(0, next.length / 2), { mode: 0o600 });
    const before = snapshot(dir);
    const opened = kept(openKeyring(db));
    expect(opened.keyId).toBe(ring.keyId);
    expect(snapshot(dir)).toEqual(before);
    // And the next write goes through beside it.
    opened.addMethod({ method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect(kept(openKeyring(db, { passphrase: TEST_PASSPHRASE })).methods()).toEqual(['keyfile', 'passphrase']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([path.basename(stray)]);
  });
});
