// Rotating the workstation key (core/crypto/keyring-rotate.ts), for crypto-shredding: afterwards the old keyring and
// key file cannot open the rewrapped client keys, the new ones cannot open the old wrapped keys, and a rotation that
// stopped half way leaves files that open and is finished by running it again.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createClientKey,
  createKeyring,
  keyFilePath,
  keyringPath,
  nextKeyFilePath,
  openKeyring,
  openText,
  rewrapClientKey,
  sealText,
  textKey,
  unwrapClientKey,
  wrapClientKey,
  wrappedKeyId,
  type Keyring,
  type Rewrap,
} from '../../../electron/core/crypto';
import { afterTest, cryptoErrorOf, snapshot, tempDbFile, tempDir, TEST_PASSPHRASE } from './helpers';

const kept = (ring: Keyring): Keyring => (afterTest(() => ring.close()), ring);

/** A stand-in for the store's clients table: each client's wrapped key, and a text field sealed with it. */
interface Clients {
  wrapped: Record<string, string>;
  ids: Record<string, string>;
  notes: Record<string, string>;
}

function clientsUnder(ring: Keyring, refs = ['client:1', 'client:2', 'client:3']): Clients {
  const clients: Clients = { wrapped: {}, ids: {}, notes: {} };
  for (const ref of refs) {
    const key = createClientKey();
    clients.wrapped[ref] = wrapClientKey(ring.workstationKey(), key, ref);
    clients.ids[ref] = key.id;
    clients.notes[ref] = sealText(textKey(key), `notes of ${ref}`, `${ref}:notes`);
    key.destroy();
  }
  return clients;
}

const rewrapAll = (clients: Clients): Rewrap => (oldKey, newKey) => {
  for (const ref of Object.keys(clients.wrapped)) clients.wrapped[ref] = rewrapClientKey(oldKey, newKey, clients.wrapped[ref] as string, ref);
};

function expectReadable(ring: Keyring, clients: Clients, wrapped = clients.wrapped): void {
  for (const [ref, w] of Object.entries(wrapped)) {
    const key = unwrapClientKey(ring.keyById(wrappedKeyId(w)) ?? ring.workstationKey(), w, ref);
    expect(key.id).toBe(clients.ids[ref]);
    expect(openText(textKey(key), clients.notes[ref] as string, `${ref}:notes`)).toBe(`notes of ${ref}`);
  }
}

/** Copies the keyring and key file aside, as a backup would, as `<copy>/pruefstand.db.*`. */
function copyAside(db: string): string {
  const copy = path.join(tempDir(), path.basename(db));
  for (const file of [keyringPath(db), keyFilePath(db)]) if (existsSync(file)) copyFileSync(file, file.replace(db, copy));
  return copy;
}

describe('rotateWorkstationKey', () => {
  it('shreds: the old keyring and key file cannot open the rewrapped client keys; the new cannot open the old wrapped keys', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }]));
    const clients = clientsUnder(ring);
    const before = { ...clients.wrapped };
    const oldKeyId = ring.keyId;
    const oldKey = ring.workstationKey();
    const backup = copyAside(db);
    const oldKeyFile = readFileSync(keyFilePath(db));

    ring.rotateWorkstationKey(rewrapAll(clients));

    expect(ring.keyId).not.toBe(oldKeyId);
    expect(oldKey.destroyed).toBe(true);
    expect(ring.rotationPending).toBe(false);
    expect(readFileSync(keyFilePath(db)).equals(oldKeyFile)).toBe(false);
    expect(existsSync(nextKeyFilePath(db))).toBe(false);
    expect(readFileSync(keyringPath(db), 'utf8')).not.toContain(oldKeyId);
    for (const w of Object.values(clients.wrapped)) expect(wrappedKeyId(w)).toBe(ring.keyId);

    const current = kept(openKeyring(db));
    expect(current.keyId).toBe(ring.keyId);
    expectReadable(current, clients);
    for (const [ref, w] of Object.entries(before)) cryptoErrorOf(() => unwrapClientKey(current.workstationKey(), w, ref), 'wrong-key');

    const old = kept(openKeyring(backup));
    expect(old.keyId).toBe(oldKeyId);
    for (const [ref, w] of Object.entries(clients.wrapped)) cryptoErrorOf(() => unwrapClientKey(old.workstationKey(), w, ref), 'wrong-key');
    expectReadable(old, clients, before); // what a backup is for: the old database with the old keyring

    // The old key file does not open the current keyring.
    copyFileSync(keyFilePath(backup), keyFilePath(db));
    cryptoErrorOf(() => openKeyring(db), 'key-file-mismatch');
  });

  it('needs the passphrase when the keyring has one (nothing changes without it); a new passphrase retires the old', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }, { method: 'passphrase', passphrase: 'the old passphrase' }]));
    const clients = clientsUnder(ring);
    const before = snapshot(path.dirname(db));
    let called = 0;
    cryptoErrorOf(() => ring.rotateWorkstationKey(() => called++), 'passphrase-needed');
    expect(called).toBe(0);
    expect(snapshot(path.dirname(db))).toEqual(before);

    ring.rotateWorkstationKey(rewrapAll(clients), { passphrase: 'the new passphrase' });
    renameSync(keyFilePath(db), `${keyFilePath(db)}.moved-away`);
    const locked = cryptoErrorOf(() => openKeyring(db, { passphrase: 'the old passphrase' }), 'locked');
    expect(locked.attempts.map((a) => a.error.code)).toEqual(['key-file-missing', 'wrong-passphrase']);
    const byPassphrase = kept(openKeyring(db, { passphrase: 'the new passphrase' }));
    expect(byPassphrase.unlockedBy).toBe('passphrase');
    expectReadable(byPassphrase, clients);
  });

  it('after a failing rewrap stays pending with both keys available, refuses other changes, and finishes when run again', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }, { method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    const clients = clientsUnder(ring);
    const oldKeyId = ring.keyId;
    let newKeyId = '';
    // Rewraps (commits) the first client, then fails: the database holds keys under both workstation keys.
    const failing: Rewrap = (oldKey, newKey) => {
      newKeyId = newKey.id;
      clients.wrapped['client:1'] = rewrapClientKey(oldKey, newKey, clients.wrapped['client:1'] as string, 'client:1');
      throw new Error('disk full');
    };
    expect(() => ring.rotateWorkstationKey(failing, { passphrase: TEST_PASSPHRASE })).toThrow('disk full');
    expect(ring.rotationPending).toBe(true);
    expect(ring.keyId).toBe(oldKeyId);
    expect(existsSync(nextKeyFilePath(db))).toBe(true);

    const reopened = kept(openKeyring(db));
    expect(reopened.rotationPending).toBe(true);
    expect(reopened.keyById(newKeyId)).toBeDefined();
    expect(reopened.keyById(oldKeyId)).toBe(reopened.workstationKey());
    expectReadable(reopened, clients);
    cryptoErrorOf(() => reopened.addMethod({ method: 'passphrase', passphrase: 'other' }), 'rotation-pending');
    cryptoErrorOf(() => reopened.removeMethod('passphrase'), 'rotation-pending');

    const seen: string[] = [];
    // No passphrase needed to finish: the new key's wrappings were made when the rotation began.
    reopened.rotateWorkstationKey((oldKey, newKey) => {
      seen.push(`${oldKey.id}→${newKey.id}`);
      rewrapAll(clients)(oldKey, newKey);
    });
    expect(seen).toEqual([`${oldKeyId}→${newKeyId}`]);
    expect(reopened.keyId).toBe(newKeyId);
    expect(reopened.rotationPending).toBe(false);
    expect(existsSync(nextKeyFilePath(db))).toBe(false);
    expectReadable(kept(openKeyring(db)), clients);
    expectReadable(kept(openKeyring(db, { passphrase: TEST_PASSPHRASE })), clients);
  });

  it('opens a keyring whose rotation stopped before its last rename (<db>.key.next), and finishes that rename', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'keyfile' }]));
    const clients = clientsUnder(ring);
    const oldKeyFile = path.join(tempDir(), 'old.key');
    copyFileSync(keyFilePath(db), oldKeyFile);
    ring.rotateWorkstationKey(rewrapAll(clients));
    // The disk as a kill between step 4 (keyring) and step 5 (rename) leaves it: new keyring, old .key, new .key.next.
    renameSync(keyFilePath(db), nextKeyFilePath(db));
    copyFileSync(oldKeyFile, keyFilePath(db));
    const newKeyFile = readFileSync(nextKeyFilePath(db));

    const opened = kept(openKeyring(db));
    expect(opened.keyId).toBe(ring.keyId);
    expect(existsSync(nextKeyFilePath(db))).toBe(false);
    expect(readFileSync(keyFilePath(db)).equals(newKeyFile)).toBe(true);
    expectReadable(opened, clients);
  });

  it('rotates a keyring that has only a passphrase', () => {
    const db = tempDbFile();
    const ring = kept(createKeyring(db, [{ method: 'passphrase', passphrase: TEST_PASSPHRASE }]));
    const clients = clientsUnder(ring, ['client:9']);
    ring.rotateWorkstationKey(rewrapAll(clients), { passphrase: TEST_PASSPHRASE });
    expect(existsSync(keyFilePath(db))).toBe(false);
    expectReadable(kept(openKeyring(db, { passphrase: TEST_PASSPHRASE })), clients);
  });
});
