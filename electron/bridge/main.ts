// `npm run dev:web`: the app's renderer and core in a normal browser, over the loopback bridge.
// Options: --db FILE (default: the app's own store), --port N (default: a free port).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../core/browser/find-chromium';
import { createPlaywrightLauncher } from '../core/browser/playwright-engine';
import { createAppService, type ConsentBrowser } from '../core/service';
import { defaultStorePath } from '../core/store';
import { startBridge } from './server';

/** The system's Chromium over playwright (Electron's own is only in the app); PRUEFSTAND_BROWSER names another. */
function consentBrowser(): ConsentBrowser {
  const executable = findChromium();
  if (executable === null) return { launch: null, unavailable: 'no Chrome, Chromium or Edge found for the consent visits; set PRUEFSTAND_BROWSER.' };
  return { launch: createPlaywrightLauncher(executable), unavailable: null };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
  const storeFile = values.db ?? defaultStorePath();
  const service = createAppService({ storeFile, locale: Intl.DateTimeFormat().resolvedOptions().locale, consentBrowser: consentBrowser() });
  const bridge = await startBridge({ service, rendererDir: path.resolve(__dirname, '..', '..', 'renderer'), port: values.port ? Number(values.port) : 0 });
  console.log(`Prüfstand bridge on ${bridge.origin} (store: ${storeFile})`);
  console.log(`Open: ${bridge.url}`);
  const stop = () => {
    void bridge
      .close()
      .then(() => service.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`pruefstand dev:web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
