import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterTest, scratchDir } from '../../fixtures/scratch';
import type { ItemResult, RunSummary } from '../../../electron/shared/domain';
import type { NewEvidence } from '../../../electron/core/probes/types';
import { openStore, type Store } from '../../../electron/core/store';

export const tempDir = (): string => scratchDir('pruefstand-store-');

export function tempDbFile(): string {
  return path.join(tempDir(), 'pruefstand.db');
}

/** Every file below `dir` (recursively), sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? filesUnder(file) : [file];
    })
    .sort();
}

/** A store that is closed after the test. */
export function tempStore(file = tempDbFile()): Store {
  const store = openStore(file);
  afterTest(() => store.close());
  return store;
}

/** A second, raw connection to the same file, for tampering and schema inspection. */
export function rawDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  afterTest(() => db.open && db.close());
  return db;
}

export function evidence(text: string, over: Partial<NewEvidence> = {}): NewEvidence {
  return {
    kind: 'http-exchange',
    summary: `GET ${text}`,
    mediaType: 'application/json',
    content: Buffer.from(text),
    capturedAt: '2025-01-02T03:04:05.000Z',
    ...over,
  };
}

export function runFor(store: Store, url = 'https://mautic.example.org/'): { installationId: number; runId: number } {
  const installation = store.ensureInstallationForUrl(url);
  const runId = store.startRun({
    installationId: installation.id,
    checklistId: 'mautic-dsgvo',
    checklistVersion: '1.0.0',
    engineVersion: '0.1.0',
    targetUrl: url,
    options: { concurrency: 4 },
  });
  return { installationId: installation.id, runId };
}

export function sampleResults(evidenceSha: string): { items: ItemResult[]; summary: RunSummary } {
  const items: ItemResult[] = [
    {
      itemId: 'tls',
      status: 'fail',
      severity: 'high',
      title: 'TLS ist aktuell',
      checks: [
        { checkId: 'tls-protocols', status: 'fail', automated: true, findings: [{ code: 'tls10', status: 'fail', params: { versions: ['TLSv1', 'TLSv1.1'] } }], message: 'TLS 1.0 an', evidence: [evidenceSha] },
        { checkId: 'tls-cert', status: 'pass', automated: true, findings: [{ code: 'ok', status: 'pass' }], message: 'ok', evidence: [] },
      ],
    },
    {
      itemId: 'dpa',
      status: 'manual',
      severity: 'medium',
      title: 'AV-Vertrag',
      checks: [{ checkId: 'dpa-signed', status: 'manual', automated: false, findings: [], message: 'Bitte prüfen', evidence: [] }],
    },
  ];
  const summary: RunSummary = {
    counts: { pass: 1, fail: 1, warn: 0, manual: 1, error: 0, not_applicable: 0 },
    score: 42.5,
    headerScore: { score: 85, grade: 'B+', modifiers: [{ test: 'csp', result: 'csp-not-implemented', modifier: -25 }] },
  };
  return { items, summary };
}
