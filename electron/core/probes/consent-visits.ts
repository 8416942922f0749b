import type { ConsentAction, ConsentPage, ConsentVisit } from '../../shared/consent';
import { CONSENT_ACTIONS, EMPTY_TRACKING_LIST } from '../../shared/consent';
import { visitPage } from '../browser/consent-visit';
import type { BrowserEngine } from '../browser/types';
import { mapLimited } from './map-limited';
import type { Probe } from './types';

/** Landing pages visited per audit; each costs three browser visits. */
export const MAX_CONSENT_PAGES = 5;
/** Visits at once: each holds a renderer (~100 MB). */
const VISITS_AT_ONCE = 3;

/**
 * Visits each landing page three times in a fresh browser profile (no click, accept, reject) and keeps what the
 * browser did as evidence. No landing pages: nothing to visit. No browser: an error naming why.
 */
export const consentVisitsProbe: Probe<'consent-visits'> = {
  id: 'consent-visits',
  async run(ctx) {
    const pagesGiven = ctx.target.landingPages ?? [];
    const installationHost = ctx.target.url.hostname;
    const setup = ctx.consent;
    // No pages: nothing to visit, with or without a browser (the consent.* checks say not applicable).
    if (pagesGiven.length === 0) return { ok: true, data: { pages: [], skipped: 0, installationHost, tracking: setup?.tracking ?? EMPTY_TRACKING_LIST, browser: '' }, evidence: [] };
    if (!setup || !setup.launch) {
      return { ok: false, error: { code: 'browser', message: setup?.unavailable ?? 'no browser for the consent visits' }, evidence: [] };
    }
    let engine: BrowserEngine;
    try {
      engine = await setup.launch();
    } catch (err) {
      return { ok: false, error: { code: 'browser', message: (err as Error).message }, evidence: [] };
    }
    // The list the visits are judged by, kept with them: the reports and the app classify with what the checks saw.
    const evidence: string[] = [ctx.evidence.add({ kind: 'tracking-list', summary: `Tracking list ${setup.tracking.source}`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(setup.tracking, null, 1)), capturedAt: new Date().toISOString() })];
    try {
      const urls = pagesGiven.slice(0, MAX_CONSENT_PAGES);
      const tasks = urls.flatMap((url) => CONSENT_ACTIONS.map((action: ConsentAction) => ({ url, action })));
      const hosts = allowedHosts(ctx.target);
      const visits = await mapLimited(tasks, VISITS_AT_ONCE, async ({ url, action }): Promise<ConsentVisit> => {
        const visit = await visitPage(engine, { url, action, allowedHosts: hosts, tracking: setup.tracking, installationHost, timeoutMs: setup.visitTimeoutMs, addressScope: setup.addressScope, signal: ctx.signal }, ctx.evidence);
        for (const sha of Object.values(visit.evidence)) if (sha) evidence.push(sha);
        return visit;
      });
      const pages: ConsentPage[] = urls.map((url, i) => ({ url: url.href, visits: visits.slice(i * CONSENT_ACTIONS.length, (i + 1) * CONSENT_ACTIONS.length) }));
      return { ok: true, data: { pages, skipped: Math.max(0, pagesGiven.length - MAX_CONSENT_PAGES), installationHost, tracking: setup.tracking, browser: engine.version }, evidence };
    } finally {
      await engine.close().catch(() => undefined);
    }
  },
};

/** The hosts the auditor named: the only ones on the loopback or private network a visit may reach. */
function allowedHosts(target: { url: URL; landingPages?: URL[]; formUrls?: URL[]; privacyPolicyUrl?: URL | null }): Set<string> {
  const hosts = new Set<string>([target.url.hostname]);
  for (const u of [...(target.landingPages ?? []), ...(target.formUrls ?? []), ...(target.privacyPolicyUrl ? [target.privacyPolicyUrl] : [])]) hosts.add(u.hostname);
  return hosts;
}
