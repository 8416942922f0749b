// Text fields from a client's systems, sealed under the run's text subkey (core/crypto, AES-256-GCM) and bound to
// their place: an evidence row's summary to its run, hash, kind and time; a check's findings and message to its run
// and check id. A row whose `sealed` is NULL is from before migration 0009 and is read as it stands.
import type { Finding } from '../../shared/domain';
import { CryptoError, cryptoErrorText, openText, sealText, textKey } from '../crypto';
import { StoreError } from './errors';
import type { RunKeys } from './run-keys';

export interface SummaryPlace {
  runId: number;
  sha256: string;
  kind: string;
  capturedAt: string;
}

export interface CheckTexts {
  findings: Finding[];
  message: string;
}

export interface StoredCheckTexts {
  check_id: string;
  findings_json: string;
  message: string;
  sealed: string | null;
}

const summaryAad = (p: SummaryPlace): string => `pruefstand/text/v1/evidence/run:${p.runId}/sha256:${p.sha256}/kind:${p.kind}/at:${p.capturedAt}`;
const checkAad = (runId: number, checkId: string): string => `pruefstand/text/v1/check/run:${runId}/check:${checkId}`;

/** A sealed text that does not open (changed, or moved to another row) is a damaged store, named with its place. */
function opened(place: string, open: () => string): string {
  try {
    return open();
  } catch (err) {
    if (!(err instanceof CryptoError)) throw err;
    throw new StoreError('corrupt', `${place}: the sealed text does not open (${cryptoErrorText(err, 'en')})`, { cause: err });
  }
}

export function createTextFields(runKeys: RunKeys) {
  const writeKey = (runId: number) => textKey(runKeys.forWriting(runId).runKey);
  /** A sealed field needs its run's key; StoreError 'locked' when it does not open, as for blobs. */
  const readKey = (runId: number) => {
    const keys = runKeys.forReading(runId);
    if (keys === null) throw new StoreError('corrupt', `run ${runId} holds sealed texts but has no key`);
    return textKey(keys.runKey);
  };

  return {
    /** Creates the run's keys outside of a caller's transaction (their rows commit on their own). */
    ensureKeys: (runId: number): void => void runKeys.forWriting(runId),
    sealSummary: (p: SummaryPlace, summary: string): string => sealText(writeKey(p.runId), summary, summaryAad(p)),
    /** The plaintext summary of a stored evidence row. */
    openSummary: (p: SummaryPlace, row: { summary: string; sealed: string | null }): string =>
      row.sealed === null ? row.summary : opened(`evidence ${p.sha256} of run ${p.runId}`, () => openText(readKey(p.runId), row.sealed as string, summaryAad(p))),
    sealCheck: (runId: number, checkId: string, texts: CheckTexts): string =>
      sealText(writeKey(runId), JSON.stringify({ findings: texts.findings, message: texts.message }), checkAad(runId, checkId)),
    openCheck(runId: number, row: StoredCheckTexts): CheckTexts {
      if (row.sealed === null) return { findings: JSON.parse(row.findings_json) as Finding[], message: row.message };
      const sealed = row.sealed;
      return JSON.parse(opened(`check ${row.check_id} of run ${runId}`, () => openText(readKey(runId), sealed, checkAad(runId, row.check_id)))) as CheckTexts;
    },
  };
}

export type TextFields = ReturnType<typeof createTextFields>;
