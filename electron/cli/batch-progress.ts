import type { BatchProgress } from '../core/batch/run-batch';
import type { Lang } from '../shared/domain';
import { batchText } from './batch-texts';

/** A one-line live status of a batch on a terminal: n of m done, k running, f failed, the names running. */
export function createBatchProgress(stream: NodeJS.WriteStream, lang: Lang) {
  let last: BatchProgress | null = null;
  const t0 = Date.now();
  const draw = () => {
    if (!last) return;
    const elapsed = ((Date.now() - t0) / 1000).toFixed(1);
    const counts = batchText(lang, 'batchProgress', { done: last.done, total: last.total, running: last.running.length, failed: last.failed, unreachable: last.unreachable });
    const line = `${counts} · ${elapsed}s${last.running.length ? ` · ${last.running.join(', ')}` : ''}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 100) - 1)}`);
  };
  const timer = setInterval(draw, 250);
  return {
    onProgress(p: BatchProgress) {
      last = p;
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[K');
    },
  };
}
