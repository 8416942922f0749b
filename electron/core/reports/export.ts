// Writes the reports of one stored run: any of the PDF, the workbook and the signed pack. The pack holds
// the PDF and the workbook, so they are written (to a temp folder) even when only the pack is asked for.
// With `timestamp`, the pack carries a TSA's token over its manifest, or is not written at all.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '../../shared/domain';
import type { Store } from '../store';
import { requestTimestamp, type TimestampRequestOptions } from '../timestamp/client';
import type { TimestampInfo } from '../timestamp/verify-token';
import { buildReportModel } from './model';
import { writePack } from './pack';
import { writePdf } from './pdf';
import { loadOrCreateSigningKey } from './signing-key';
import { writeXlsx } from './xlsx';

export interface ExportTargets {
  pdf?: string;
  xlsx?: string;
  pack?: string;
}

export type ExportStep = 'model' | 'pdf' | 'xlsx' | 'pack';

export interface ExportOptions {
  lang: Lang;
  auditor?: string;
  /** Another run of the same installation to compare with. */
  compareWith?: number;
  onProgress?: (step: ExportStep, done: number, total: number) => void;
  /** Ask this TSA for a token over the pack's manifest (only with a pack); a TimestampError when it fails. */
  timestamp?: TimestampRequestOptions;
  /** What the token says, once the pack with it is written. */
  onTimestamp?: (info: TimestampInfo) => void;
}

export async function exportRun(store: Store, runId: number, targets: ExportTargets, options: ExportOptions): Promise<string[]> {
  const steps: ExportStep[] = ['model', ...(['pdf', 'xlsx', 'pack'] as const).filter((k) => targets[k] || (targets.pack && k !== 'pack'))];
  let done = 0;
  const step = (s: ExportStep) => options.onProgress?.(s, ++done, steps.length);
  const model = buildReportModel(store, runId, { lang: options.lang, auditor: options.auditor, compareWith: options.compareWith });
  step('model');
  const scratch = targets.pack && (!targets.pdf || !targets.xlsx) ? mkdtempSync(path.join(os.tmpdir(), 'pruefstand-export-')) : null;
  try {
    const pdfFile = targets.pdf ?? (scratch ? path.join(scratch, 'report.pdf') : null);
    const xlsxFile = targets.xlsx ?? (scratch ? path.join(scratch, 'evidence.xlsx') : null);
    if (pdfFile) {
      await writePdf(model, pdfFile);
      step('pdf');
    }
    if (xlsxFile) {
      await writeXlsx(model, xlsxFile);
      step('xlsx');
    }
    if (targets.pack && pdfFile && xlsxFile) {
      const key = loadOrCreateSigningKey(path.dirname(store.file));
      const tsa = options.timestamp;
      const written = await writePack({
        model,
        pdfFile,
        xlsxFile,
        readBlob: (sha) => store.readBlob(sha),
        key,
        file: targets.pack,
        timestamp: tsa ? (manifestBytes) => requestTimestamp(manifestBytes, tsa) : undefined,
      });
      if (written.timestamp) options.onTimestamp?.(written.timestamp);
      step('pack');
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return [targets.pdf, targets.xlsx, targets.pack].filter((f): f is string => Boolean(f));
}
