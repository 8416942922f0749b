import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuditEventEnvelope } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { exportRun, type ExportTargets } from '../reports/export';
import { isInside } from '../path-inside';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

export interface ExportRequest {
  runId: number;
  lang: Lang;
  kinds: readonly ('pdf' | 'xlsx' | 'pack')[];
  auditor?: string;
  exportId: string;
}

const FILE_NAMES = { pdf: 'pruefbericht.pdf', xlsx: 'evidenz.xlsx', pack: 'evidenzpaket.zip' } as const;

/** Exports land in `<store folder>/exports/run-<id>-<time>/`; only files there can be revealed. */
export function createReportExporter(store: Store, emit: (envelope: AuditEventEnvelope) => void, reveal?: (file: string) => void) {
  const exportsDir = path.join(path.dirname(store.file), 'exports');

  async function exportReports({ runId, lang, kinds, auditor, exportId }: ExportRequest) {
    if (!store.getRun(runId)) throw new ServiceError('not-found', `run ${runId} does not exist`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const folder = path.join(exportsDir, `run-${runId}-${stamp}`);
    mkdirSync(folder, { recursive: true });
    const targets: ExportTargets = {};
    for (const kind of kinds) targets[kind] = path.join(folder, FILE_NAMES[kind]);
    const files = await exportRun(store, runId, targets, {
      lang,
      auditor,
      onProgress: (step, done, total) => emit({ auditId: exportId, event: { type: 'export-progress', step, done, total } }),
    });
    return { folder, files };
  }

  function revealFile(file: string) {
    const resolved = path.resolve(file);
    if (!isInside(exportsDir, resolved) || !existsSync(resolved)) {
      throw new ServiceError('forbidden', 'only exported reports can be revealed');
    }
    if (!reveal) return { revealed: false };
    reveal(resolved);
    return { revealed: true };
  }

  return { exportReports, revealFile };
}
