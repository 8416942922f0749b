// The built CLI opens a store whose keyring is unlocked by a passphrase only when PRUEFSTAND_PASSPHRASE gives it,
// and says why not otherwise, in German or English, leaving every file as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFilePath, openKeyring } from '../../electron/core/crypto';
import { openStore } from '../../electron/core/store';
import { runCli } from '../fixtures/cli';

const PASSPHRASE = 'korrekt Pferd Batterie Heftklammer';
const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-cli-keyring-'));
const db = path.join(dir, 'audits.db');

function snapshot(): Map<string, Buffer> {
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? files(path.join(d, n)) : [path.join(d, n)]));
  return new Map(files(dir).map((f) => [f, readFileSync(f)]));
}

beforeAll(() => {
  const store = openStore(db);
  const installation = store.ensureInstallationForUrl('https://mautic.example.org/', 'Kunde');
  const runId = store.startRun({ installationId: installation.id, checklistId: 'mautic-dsgvo', checklistVersion: '1.0.0', engineVersion: '0.1.0', targetUrl: 'https://mautic.example.org/', options: {} });
  store.addEvidence(runId, { kind: 'http-exchange', summary: 'GET /', mediaType: 'text/plain', content: Buffer.from('sealed body'), capturedAt: '2025-01-02T03:04:05.000Z' });
  store.close();
  const keyring = openKeyring(db);
  try {
    keyring.addMethod({ method: 'passphrase', passphrase: PASSPHRASE });
    keyring.removeMethod('keyfile'); // deletes <db>.key: only the passphrase unlocks now
  } finally {
    keyring.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pruefstand with a passphrase-protected keyring', () => {
  it('verifies the store with PRUEFSTAND_PASSPHRASE', async () => {
    const r = await runCli(['verify-store', '--db', db], { PRUEFSTAND_PASSPHRASE: PASSPHRASE });
    expect(r.stdout, r.stderr).toContain('Evidence store intact: 1 entries, 1 files checked');
    expect(r.code).toBe(0);
  });

  it('refuses without it (asking for the passphrase) and with a wrong one, in German too; nothing changes', async () => {
    expect(statSync(keyFilePath(db), { throwIfNoEntry: false })).toBeUndefined();
    const before = snapshot();
    const none = await runCli(['verify-store', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`The store ${db} was not opened`);
    expect(none.stderr).toContain('PRUEFSTAND_PASSPHRASE');
    expect(none.stderr + none.stdout).not.toContain(PASSPHRASE);
    const wrong = await runCli(['verify-store', '--db', db], { PRUEFSTAND_PASSPHRASE: 'Zebra-9731', LANG: 'de_DE.UTF-8' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`Der Speicher ${db} wurde nicht geöffnet`);
    expect(wrong.stderr).toContain('Die Passphrase ist falsch');
    expect(wrong.stderr + wrong.stdout).not.toContain('Zebra-9731'); // never echoed
    expect(snapshot()).toEqual(before);
  });
});
