// npm run bench (consent part): the three browser visits (no click, accept, reject) of each of the four
// loopback consent sites in Debian's Chromium, through the real consent-visits probe: time per page, per visit
// (median and slowest), and the evidence written. Aim: three visits of a page in under 15 s.
import { createPlaywrightLauncher } from '../../electron/core/browser/playwright-engine';
import { consentVisitsProbe } from '../../electron/core/probes/consent-visits';
import type { NewEvidence } from '../../electron/core/probes/types';
import { CHROMIUM } from '../fixtures/browser';
import { startConsentSites, TRACKER_HOST } from '../fixtures/consent-sites';

async function main() {
  const sites = await startConsentSites();
  try {
    const pages = Object.values(sites.sites);
    const evidence: NewEvidence[] = [];
    const t0 = performance.now();
    const result = await consentVisitsProbe.run({
      target: { url: new URL(sites.mautic.href.replace('http:', 'https:')), httpUrl: sites.mautic, landingPages: pages },
      consent: { launch: createPlaywrightLauncher(CHROMIUM), unavailable: null, tracking: sites.trackingList(), addressScope: (a) => (a === TRACKER_HOST ? 'public' : 'loopback') },
      net: null as never,
      evidence: { add: (e) => (evidence.push(e), e.kind) },
      signal: new AbortController().signal,
    });
    const wall = performance.now() - t0;
    if (!result.ok) throw new Error(result.error.message);
    const visits = result.data.pages.flatMap((p) => p.visits);
    const ms = visits.map((v) => v.ms).sort((a, b) => a - b);
    const bytes = (kind: string) => evidence.filter((e) => e.kind === kind).reduce((n, e) => n + e.content.length, 0);
    console.log(`consent visits: ${pages.length} pages × 3 visits in ${(wall / 1000).toFixed(1)} s wall (${(wall / pages.length / 1000).toFixed(1)} s per page, 3 visits at once)`);
    console.log(`  per visit: median ${(ms[Math.floor(ms.length / 2)]! / 1000).toFixed(1)} s, slowest ${(ms[ms.length - 1]! / 1000).toFixed(1)} s; errors: ${visits.filter((v) => v.error).length}`);
    console.log(`  evidence: ${evidence.length} pieces; screenshots ${(bytes('screenshot') / 1024).toFixed(0)} KiB, HAR ${(bytes('har') / 1024).toFixed(0)} KiB, records ${(bytes('browser-visit') / 1024).toFixed(0)} KiB`);
    console.log(`  node RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB (Chromium's own processes not counted)`);
  } finally {
    await sites.close();
  }
}

void main();
