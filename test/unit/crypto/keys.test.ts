// The key hierarchy (core/crypto/keys.ts, secret-key.ts): key ids, subkeys, wrapping workstation → client → run,
// wrapped keys bound to their row, idempotent rewrapping, and wiping.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blobKey,
  createClientKey,
  createRunKey,
  createWorkstationKey,
  DataKey,
  keyIdOf,
  lookupKey,
  open,
  rewrapClientKey,
  seal,
  textKey,
  unwrapClientKey,
  unwrapRunKey,
  wrapClientKey,
  wrappedKeyId,
  wrapRunKey,
} from '../../../electron/core/crypto';
import { cryptoErrorOf } from './helpers';

describe('key ids', () => {
  it('are 16 hex characters from a labelled SHA-256 of the key: the same bytes give the same id, other bytes another', () => {
    const key = createClientKey();
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(key.id).toBe(keyIdOf(key.bytes()));
    expect(DataKey.fromBytes('client', key.bytes()).id).toBe(key.id);
    const label = Buffer.from('pruefstand key id v1\0');
    expect(key.id).toBe(createHash('sha256').update(Buffer.concat([label, key.bytes()])).digest('hex').slice(0, 16));
    const ids = new Set(Array.from({ length: 200 }, () => createRunKey().id));
    expect(ids.size).toBe(200);
  });

  it('name the data key in its subkeys, whose bytes differ per purpose and from the key itself', () => {
    const run = createRunKey();
    const subkeys = [blobKey(run), textKey(run), lookupKey(run), run.subkey('wrap')];
    expect(subkeys.map((k) => k.id)).toEqual([run.id, run.id, run.id, run.id]);
    const bytes = new Set([run.bytes().toString('hex'), ...subkeys.map((k) => k.bytes().toString('hex'))]);
    expect(bytes.size).toBe(5);
    expect(blobKey(run)).toBe(subkeys[0]); // derived once
    // The same bytes in another role derive other subkeys.
    expect(blobKey(DataKey.fromBytes('client', run.bytes())).bytes().equals(blobKey(run).bytes())).toBe(false);
  });

  it('refuse key bytes of the wrong length', () => {
    cryptoErrorOf(() => DataKey.fromBytes('run', Buffer.alloc(16)), 'invalid-argument');
  });
});

describe('wrapping: workstation → client → run', () => {
  it('round-trips a client key under the workstation key and a run key under its client key', () => {
    const workstation = createWorkstationKey();
    const client = createClientKey();
    const run = createRunKey();
    const wrappedClient = wrapClientKey(workstation, client, 'client:7');
    const wrappedRun = wrapRunKey(client, run, 'run:42');
    expect(wrappedClient).toMatch(/^ps1:/);
    expect(wrappedKeyId(wrappedClient)).toBe(workstation.id);
    expect(wrappedKeyId(wrappedRun)).toBe(client.id);
    const client2 = unwrapClientKey(workstation, wrappedClient, 'client:7');
    expect(client2.id).toBe(client.id);
    expect(client2.kind).toBe('client');
    const run2 = unwrapRunKey(client2, wrappedRun, 'run:42');
    expect(run2.id).toBe(run.id);
    // The unwrapped run key opens what the original sealed.
    const envelope = seal(blobKey(run), Buffer.from('body'), 'sha');
    expect(open(blobKey(run2), envelope, 'sha').toString()).toBe('body');
  });

  it('does not unwrap with another parent (wrong-key) or for another row (tampered)', () => {
    const workstation = createWorkstationKey();
    const client = createClientKey();
    const wrapped = wrapClientKey(workstation, client, 'client:7');
    cryptoErrorOf(() => unwrapClientKey(createWorkstationKey(), wrapped, 'client:7'), 'wrong-key');
    cryptoErrorOf(() => unwrapClientKey(workstation, wrapped, 'client:8'), 'tampered');
    const wrappedRun = wrapRunKey(client, createRunKey(), 'run:1');
    cryptoErrorOf(() => unwrapRunKey(client, wrappedRun, 'run:2'), 'tampered');
    cryptoErrorOf(() => unwrapRunKey(createClientKey(), wrappedRun, 'run:1'), 'wrong-key');
  });

  it('checks the kinds: a run key is never wrapped by the workstation key, a client key never by a client key', () => {
    const workstation = createWorkstationKey();
    const client = createClientKey();
    cryptoErrorOf(() => wrapRunKey(workstation, createRunKey(), 'run:1'), 'invalid-argument');
    cryptoErrorOf(() => wrapClientKey(client, createClientKey(), 'client:1'), 'invalid-argument');
    cryptoErrorOf(() => wrapClientKey(workstation, createRunKey(), 'client:1'), 'invalid-argument');
    cryptoErrorOf(() => wrapClientKey(workstation, client, ''), 'invalid-argument');
  });

  it('rewraps a client key from the old to the new workstation key, and leaves one already rewrapped as it is', () => {
    const old = createWorkstationKey();
    const next = createWorkstationKey();
    const client = createClientKey();
    const wrapped = wrapClientKey(old, client, 'client:1');
    const rewrapped = rewrapClientKey(old, next, wrapped, 'client:1');
    expect(wrappedKeyId(rewrapped)).toBe(next.id);
    expect(unwrapClientKey(next, rewrapped, 'client:1').id).toBe(client.id);
    cryptoErrorOf(() => unwrapClientKey(old, rewrapped, 'client:1'), 'wrong-key');
    expect(rewrapClientKey(old, next, rewrapped, 'client:1')).toBe(rewrapped);
  });
});

describe('wiping', () => {
  it('zeroes the key and its subkeys, and any later use throws key-destroyed', () => {
    const run = createRunKey();
    const bytes = run.bytes();
    const blob = blobKey(run).bytes();
    expect(bytes.some((b) => b !== 0)).toBe(true);
    run.destroy();
    expect(run.destroyed).toBe(true);
    expect(bytes.every((b) => b === 0)).toBe(true);
    expect(blob.every((b) => b === 0)).toBe(true);
    cryptoErrorOf(() => run.bytes(), 'key-destroyed');
    cryptoErrorOf(() => textKey(run), 'key-destroyed');
    run.destroy(); // twice is fine
  });

  it('keeps key bytes out of the shared buffer pool (each key has a buffer of its own)', () => {
    const key = createClientKey();
    expect(key.bytes().byteOffset).toBe(0);
    expect(key.bytes().buffer.byteLength).toBe(32);
    expect(DataKey.fromBytes('run', Buffer.from(key.bytes())).bytes().buffer.byteLength).toBe(32);
  });
});
