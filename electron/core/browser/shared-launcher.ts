import type { BrowserEngine, BrowserLauncher } from './types';

/**
 * One browser for many audits (a batch): started on first use, each audit's close() leaves it running, and
 * `closeAll` ends it. Every visit still gets a profile of its own.
 */
export function sharedLauncher(launch: BrowserLauncher): { launch: BrowserLauncher; closeAll(): Promise<void> } {
  let engine: Promise<BrowserEngine> | null = null;
  return {
    launch: async () => {
      engine ??= launch();
      engine.catch(() => (engine = null));
      const shared = await engine;
      return { version: shared.version, newPage: (viewport) => shared.newPage(viewport), close: async () => undefined, verifyCertificate: shared.verifyCertificate };
    },
    async closeAll() {
      const running = engine;
      engine = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
