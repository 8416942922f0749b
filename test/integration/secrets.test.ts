// The secrets in an installation's local.php never reach the store, the evidence, or a report: the insecure
// Mautic 5.1 and 2.16 (which also serve their local.php to anyone) audited by the built CLI with --config.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/audit-harness';
import { makeCa } from '../fixtures/certs';
import { startMautic, type MauticFixture } from '../fixtures/mautic';
import { runCli } from '../fixtures/cli';
import { readZip } from '../fixtures/zip';
import { openStore } from '../../electron/core/store';

const ca = makeCa();

/** Runs the built CLI without blocking this process: the target servers live in it and must keep answering. */
const cli = (args: string[]) => runCli(args);

interface Place {
  where: string;
  text: string;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Every place a secret was found, as "key in place"; a line break inside a secret (PDF text) does not hide it. */
function locate(secrets: Readonly<Record<string, string>>, places: Place[]): string[] {
  const found: string[] = [];
  for (const place of places) {
    const squeezed = place.text.replace(/\s+/g, '');
    for (const [key, value] of Object.entries(secrets)) if (place.text.includes(value) || squeezed.includes(value)) found.push(`${key} in ${place.where}`);
  }
  return found;
}

/** Each blob's plaintext (latin1), read through the store with its keys. */
function plaintextBlobs(db: string, shas: string[]): [string, string][] {
  expect(shas.length).toBeGreaterThan(0);
  const store = openStore(db);
  try {
    return [...new Set(shas)].map((sha) => [sha, store.readBlob(sha).toString('latin1')]);
  } finally {
    store.close();
  }
}

interface AuditDoc {
  items: { checks: { id: string; status: string; automated: boolean }[] }[];
  evidence: { sha256: string; summary: string }[];
}

describe.each(['5.1', '2.16'] as const)('the insecure Mautic %s audited with its local.php', (version) => {
  let m: MauticFixture;
  let run: Awaited<ReturnType<typeof cli>>;
  let doc: AuditDoc;
  const dir = tempDir(`pruefstand-secrets-${version}-`);
  const out = {
    db: path.join(dir, 'store', 'pruefstand.db'),
    json: path.join(dir, 'audit.json'),
    pdf: path.join(dir, 'bericht.pdf'),
    xlsx: path.join(dir, 'evidenz.xlsx'),
  };

  beforeAll(async () => {
    m = await startMautic({ version, secure: false, ca });
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, ca.certPem);
    run = await cli([
      'audit', m.url, '--http-url', m.httpUrl, '--ca', caFile, '--db', out.db, '--lang', 'de', '--quiet',
      ...m.landingPages.flatMap((p) => ['--page', p]),
      ...m.formUrls.flatMap((f) => ['--form', f]),
      '--privacy-policy', m.privacyPolicyUrl, '--config', m.localPhpPath, '--crontab', m.crontabPath,
      '--json', out.json, '--pdf', out.pdf, '--xlsx', out.xlsx,
    ]);
    doc = existsSync(out.json) ? (JSON.parse(readFileSync(out.json, 'utf8')) as AuditDoc) : { items: [], evidence: [] };
  }, 180_000);
  afterAll(async () => {
    await m?.close();
  });

  it('runs the audit to the end and reports failures (exit 1)', () => {
    expect(run.code, run.stderr).toBe(1);
    for (const file of Object.values(out)) expect(existsSync(file), file).toBe(true);
  });

  it('read local.php: the config checks were decided from it', () => {
    const check = doc.items.flatMap((i) => i.checks).find((c) => c.id === 'config.site-url-https');
    expect(check).toMatchObject({ automated: true, status: 'fail' });
  });

  it('the search finds every secret where one is', () => {
    const found = locate(m.secretsByKey, [{ where: 'local.php', text: readFileSync(m.localPhpPath, 'utf8') }]);
    expect(found.length).toBe(m.secrets.length);
  });

  it('keeps no secret in the SQLite file, the evidence blobs, the JSON, the PDF or the XLSX', async () => {
    const summaries = new Map(doc.evidence.map((e) => [e.sha256, e.summary]));
    const latin1 = (file: string) => readFileSync(file).toString('latin1');
    const blobs = filesUnder(`${out.db}.evidence`);
    expect(blobs.length).toBeGreaterThan(0);
    const places: Place[] = [
      ...[out.db, `${out.db}-wal`].filter(existsSync).map((f) => ({ where: path.basename(f), text: latin1(f) })),
      ...blobs.map((f) => ({ where: `evidence file ${path.basename(f)}`, text: latin1(f) })),
      // The blob files are sealed (they would hide a secret from the search): their plaintext is searched too.
      ...plaintextBlobs(out.db, doc.evidence.map((e) => e.sha256)).map(([sha, text]) => ({ where: `evidence ${sha} (${summaries.get(sha) ?? 'no summary'})`, text })),
      { where: 'the JSON', text: readFileSync(out.json, 'utf8') },
      { where: 'the PDF (pdftotext)', text: execFileSync('pdftotext', ['-enc', 'UTF-8', out.pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) },
      { where: 'the XLSX (its XML)', text: (await readZip(out.xlsx)).map(([, bytes]) => bytes.toString('utf8')).join('\n') },
    ];
    expect(locate(m.secretsByKey, places)).toEqual([]);
  });
});
