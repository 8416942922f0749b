// The app's keychain for the keyring (main/safe-storage-protector.ts) driving the real core/crypto keyring on real
// files. Electron's binary is unavailable, so the 'electron' module is a stand-in whose safeStorage really encrypts
// per "OS user" (fake-safe-storage.ts); the protector and the keyring are real.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyring, cryptoErrorText, keyringPath, openKeyring, type Keyring } from '../../../electron/core/crypto';
import { SAFE_STORAGE_PROTECTOR_ID, safeStorageProtector } from '../../../electron/main/safe-storage-protector';
import { afterTest, cryptoErrorOf, snapshot, tempDbFile, TEST_PASSPHRASE } from '../crypto/helpers';
import type { FakeSafeStorage } from './fake-safe-storage';

const fake = vi.hoisted(() => ({ storage: null as FakeSafeStorage | null }));
vi.mock('electron', async () => {
  const { makeFakeSafeStorage } = await import('./fake-safe-storage.js');
  fake.storage = makeFakeSafeStorage();
  return { safeStorage: fake.storage.safeStorage };
});

function storage(): FakeSafeStorage {
  if (fake.storage === null) throw new Error('the electron stand-in was not installed');
  return fake.storage;
}

const kept = (ring: Keyring): Keyring => (afterTest(() => ring.close()), ring);

beforeEach(() => {
  storage().state.available = true;
  storage().state.backend = 'gnome_libsecret';
  storage().state.encrypted.length = 0;
  storage().switchUser();
});

describe('safeStorageProtector', () => {
  it('keeps the workstation key in the keychain: the keyring holds only the opaque blob, and opens by it first', () => {
    const db = tempDbFile();
    const protector = safeStorageProtector('linux');
    const created = kept(createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }, { method: 'os-keychain', protector }]));
    expect(created.methods()).toEqual(['os-keychain', 'passphrase']);
    const json = JSON.parse(readFileSync(keyringPath(db), 'utf8'));
    const wrapping = json.wrappings.find((w: { method: string }) => w.method === 'os-keychain');
    expect(wrapping.protector).toBe(SAFE_STORAGE_PROTECTOR_ID);
    const key = created.workstationKey().bytes();
    expect(storage().state.encrypted).toEqual([key.toString('base64')]);
    expect(readFileSync(keyringPath(db), 'utf8')).not.toContain(key.toString('base64'));

    const opened = kept(openKeyring(db, { protector }));
    expect(opened.unlockedBy).toBe('os-keychain');
    expect(opened.workstationKey().bytes().equals(key)).toBe(true);
  });

  it("refuses Linux's 'basic_text' backend (no protection): not available, protect throws, createKeyring writes nothing", () => {
    storage().state.backend = 'basic_text';
    const protector = safeStorageProtector('linux');
    expect(protector.available()).toBe(false);
    const why = protector.whyUnavailable!();
    expect(why.code).toBe('keychain-insecure');
    expect(why.message).toContain('basic_text');
    expect(cryptoErrorText(why, 'de')).toContain('keine Verschlüsselung');
    cryptoErrorOf(() => protector.protect(Buffer.alloc(32)), 'keychain-insecure');
    cryptoErrorOf(() => protector.unprotect(Buffer.alloc(40)), 'keychain-insecure');
    expect(storage().state.encrypted).toEqual([]);

    const db = tempDbFile();
    cryptoErrorOf(() => createKeyring(db, [{ method: 'keyfile' }, { method: 'os-keychain', protector }]), 'keychain-insecure');
    expect(snapshot(path.dirname(db))).toEqual({});
    // Elsewhere the backend question does not arise.
    expect(safeStorageProtector('darwin').available()).toBe(true);
  });

  it('falls back to the passphrase when the keychain is unavailable or insecure, and says why it was skipped', () => {
    const db = tempDbFile();
    const protector = safeStorageProtector('linux');
    kept(createKeyring(db, [{ method: 'os-keychain', protector }, { method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    const before = snapshot(path.dirname(db));

    storage().state.available = false;
    const a = kept(openKeyring(db, { protector, passphrase: TEST_PASSPHRASE }));
    expect([a.unlockedBy, a.skipped.map((s) => s.error.code)]).toEqual(['passphrase', ['keychain-unavailable']]);

    storage().state.available = true;
    storage().state.backend = 'basic_text';
    const b = kept(openKeyring(db, { protector, passphrase: TEST_PASSPHRASE }));
    expect([b.unlockedBy, b.skipped.map((s) => s.error.code)]).toEqual(['passphrase', ['keychain-insecure']]);

    // The CLI has no keychain at all.
    const c = kept(openKeyring(db, { passphrase: TEST_PASSPHRASE }));
    expect([c.unlockedBy, c.skipped.map((s) => s.error.code)]).toEqual(['passphrase', ['keychain-unavailable']]);
    expect(snapshot(path.dirname(db))).toEqual(before);
  });

  it('refuses a key protected by another OS user (keychain-refused), changing nothing; adding the keychain again fixes it', () => {
    const db = tempDbFile();
    const protector = safeStorageProtector('linux');
    const created = kept(createKeyring(db, [{ method: 'os-keychain', protector }, { method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    storage().switchUser();
    const before = snapshot(path.dirname(db));
    const locked = cryptoErrorOf(() => openKeyring(db, { protector }), 'locked');
    expect(locked.attempts.map((a) => a.error.code)).toEqual(['keychain-refused', 'passphrase-needed']);
    expect(locked.message).toMatch(/another user/);
    expect(snapshot(path.dirname(db))).toEqual(before);

    const byPassphrase = kept(openKeyring(db, { protector, passphrase: TEST_PASSPHRASE }));
    expect(byPassphrase.skipped.map((s) => s.error.code)).toEqual(['keychain-refused']);
    byPassphrase.addMethod({ method: 'os-keychain', protector });
    const again = kept(openKeyring(db, { protector }));
    expect(again.unlockedBy).toBe('os-keychain');
    expect(again.keyId).toBe(created.keyId);
  });

  it('re-protects the new key when the workstation key is rotated', () => {
    const db = tempDbFile();
    const protector = safeStorageProtector('linux');
    const ring = kept(createKeyring(db, [{ method: 'os-keychain', protector }, { method: 'keyfile' }]));
    const oldKeyId = ring.keyId;
    ring.rotateWorkstationKey(() => undefined);
    const opened = kept(openKeyring(db, { protector }));
    expect(opened.unlockedBy).toBe('os-keychain');
    expect(opened.keyId).toBe(ring.keyId);
    expect(opened.keyId).not.toBe(oldKeyId);
  });
});
