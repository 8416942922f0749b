// A process killed at any moment of a rotation never leaves a keyring that cannot be opened, nor a client key that
// cannot be unwrapped. A child process runs the real core/crypto (transpiled as it is to CommonJS) and SIGKILLs itself
// at the k-th write, fsync, rename or link — for k = 1, 2, … until the rotation gets through — including half-written
// writes. After each kill the parent opens the keyring, unwraps every client key and finishes the rotation.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createClientKey,
  createKeyring,
  keyFilePath,
  keyringPath,
  openKeyring,
  rewrapClientKey,
  unwrapClientKey,
  wrapClientKey,
  wrappedKeyId,
  type Keyring,
} from '../../../electron/core/crypto';
import { afterTest, tempDir } from './helpers';

const SOURCE = path.resolve(__dirname, '../../../electron/core/crypto');

// The child: the kill hook wraps node's own fs functions (not our code), then rotates with a rewrap that commits a
// JSON "database" of wrapped client keys the way a store would (temp file, fsync, rename).
const CHILD = `
const fs = require('node:fs');
const [modules, db, clientsFile, killAtText] = process.argv.slice(2);
const killAt = Number(killAtText);
let calls = 0;
const die = () => process.kill(process.pid, 'SIGKILL');
for (const name of ['writeSync', 'fsyncSync', 'renameSync', 'linkSync']) {
  const real = fs[name];
  fs[name] = function (...args) {
    calls++;
    if (calls === killAt) {
      if (name === 'writeSync' && Buffer.isBuffer(args[1]) && args[1].length > 1) real.call(fs, args[0], args[1].subarray(0, args[1].length >> 1));
      die();
    }
    return real.apply(fs, args);
  };
}
const crypto = require(modules + '/index.js');
const ring = crypto.openKeyring(db);
const clients = JSON.parse(fs.readFileSync(clientsFile, 'utf8'));
ring.rotateWorkstationKey((oldKey, newKey) => {
  const next = {};
  for (const [ref, w] of Object.entries(clients.wrapped)) next[ref] = crypto.rewrapClientKey(oldKey, newKey, w, ref);
  const tmp = clientsFile + '.tmp';
  const fd = fs.openSync(tmp, 'w');
  fs.writeSync(fd, Buffer.from(JSON.stringify({ ...clients, wrapped: next })));
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, clientsFile);
});
process.stdout.write('done ' + calls);
`;

interface Clients {
  wrapped: Record<string, string>;
  ids: Record<string, string>;
}

let modules = '';
let childFile = '';

beforeAll(() => {
  const dir = tempDir();
  modules = path.join(dir, 'crypto');
  mkdirSync(modules);
  for (const name of readdirSync(SOURCE).filter((n) => n.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(SOURCE, name), 'utf8'), {
      fileName: name,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    writeFileSync(path.join(modules, name.replace(/\.ts$/, '.js')), outputText);
  }
  childFile = path.join(dir, 'rotate-child.cjs');
  writeFileSync(childFile, CHILD);
});

/** A keyring with a key file and three clients, as a template copied for each kill. */
function template(): { dir: string; clients: Clients } {
  const dir = tempDir();
  const db = path.join(dir, 'pruefstand.db');
  const ring = createKeyring(db, [{ method: 'keyfile' }]);
  const clients: Clients = { wrapped: {}, ids: {} };
  for (const ref of ['client:1', 'client:2', 'client:3']) {
    const key = createClientKey();
    clients.wrapped[ref] = wrapClientKey(ring.workstationKey(), key, ref);
    clients.ids[ref] = key.id;
    key.destroy();
  }
  ring.close();
  writeFileSync(path.join(dir, 'clients.json'), JSON.stringify(clients));
  return { dir, clients };
}

function copyOf(from: string): string {
  const to = tempDir();
  for (const name of readdirSync(from)) {
    copyFileSync(path.join(from, name), path.join(to, name));
    chmodSync(path.join(to, name), 0o600);
  }
  return to;
}

function expectAllReadable(ring: Keyring, clients: Clients, wrapped: Record<string, string>): void {
  for (const [ref, w] of Object.entries(wrapped)) {
    const parent = ring.keyById(wrappedKeyId(w));
    expect(parent, `${ref} is wrapped by ${wrappedKeyId(w)}, a key the keyring does not have`).toBeDefined();
    expect(unwrapClientKey(parent!, w, ref).id).toBe(clients.ids[ref]);
  }
}

describe('a rotation killed at any write, fsync, rename or link', () => {
  it.runIf(process.platform !== 'win32')('leaves a keyring that opens, client keys that unwrap, and a rotation that finishes', () => {
    const { dir: base, clients } = template();
    const phases: string[] = [];
    for (let killAt = 1; killAt < 100; killAt++) {
      const dir = copyOf(base);
      const db = path.join(dir, 'pruefstand.db');
      const child = spawnSync(process.execPath, [childFile, modules, db, path.join(dir, 'clients.json'), String(killAt)], { encoding: 'utf8' });
      const done = child.stdout.startsWith('done');
      expect(child.signal ?? (done ? 'done' : child.stderr)).toBe(done ? 'done' : 'SIGKILL');

      // What the kill left: the keyring with `next` (pending), a `.key.next` beside a keyring without it, or neither.
      phases.push(readFileSync(keyringPath(db), 'utf8').includes('"next"') ? 'pending' : readdirSync(dir).some((n) => n.endsWith('.key.next')) ? 'next-file' : 'whole');
      const stored = JSON.parse(readFileSync(path.join(dir, 'clients.json'), 'utf8')) as Clients;
      const ring = openKeyring(db);
      afterTest(() => ring.close());
      expectAllReadable(ring, clients, stored.wrapped);

      if (ring.rotationPending || !done) {
        ring.rotateWorkstationKey((oldKey, newKey) => {
          for (const [ref, w] of Object.entries(stored.wrapped)) stored.wrapped[ref] = rewrapClientKey(oldKey, newKey, w, ref);
        });
      }
      for (const w of Object.values(stored.wrapped)) expect(wrappedKeyId(w)).toBe(ring.keyId);
      const again = openKeyring(db);
      afterTest(() => again.close());
      expect(again.keyId).toBe(ring.keyId);
      expectAllReadable(again, clients, stored.wrapped);
      expect(readFileSync(keyringPath(db), 'utf8')).not.toContain('"next"');
      expect(readFileSync(keyFilePath(db)).length).toBe(37);
      if (done) break;
    }
    // The kills landed in every phase, in order: before anything showed, with the next key file written, pending
    // (across the rewrap's commit), after the keyring was replaced but before the key file was, and after the end.
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(['whole', 'next-file', 'pending', 'next-file', 'whole']);
    expect(phases.length).toBeGreaterThan(10);
  });
});
