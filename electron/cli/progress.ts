import type { AuditEvent, Lang } from '../shared/domain';
import { text } from './texts';

/** A one-line live status on a terminal: n of m checks done, the probes still running, elapsed time. */
export function createProgress(stream: NodeJS.WriteStream, lang: Lang) {
  const running = new Set<string>();
  let done = 0;
  let total = 0;
  const t0 = Date.now();
  const draw = () => {
    const elapsed = ((Date.now() - t0) / 1000).toFixed(1);
    const names = [...running].join(', ');
    const line = `${text(lang, 'progress', { done, total })} · ${elapsed}s${names ? ` · ${text(lang, 'running', { names })}` : ''}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 100) - 1)}`);
  };
  const timer = setInterval(draw, 200);
  return {
    onEvent(e: AuditEvent) {
      if (e.type === 'run-started') total = e.totalChecks;
      if (e.type === 'probe-started') running.add(e.probeId);
      if (e.type === 'probe-finished') running.delete(e.probeId);
      if (e.type === 'check-finished') done = e.done;
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[K');
    },
  };
}
