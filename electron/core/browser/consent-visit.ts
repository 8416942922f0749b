import type { BannerObservation, ConsentAction, ConsentVisit, ConsentVisitRecord, TrackingList, VisitCookie, VisitErrorCode, VisitStorage } from '../../shared/consent';
import { registrableDomain } from '../mautic-config/domains';
import type { AddressScope } from '../net/address-scope';
import { engineVersion } from '../package-root';
import type { EvidenceSink } from '../evidence-sink';
import { bannerScanExpression, STORAGE_KEYS_EXPRESSION, type BannerScan } from './banner-script';
import { sleep, StepTimeoutError, within } from './deadline';
import { buildHar } from './har';
import { createRequestGate } from './request-gate';
import { createRequestLog } from './request-log';
import type { BrowserEngine, BrowserPage, CdpSession } from './types';

export interface VisitSpec {
  url: URL;
  action: ConsentAction;
  /** Hosts the auditor named: the only loopback or private-network hosts the visit may reach. */
  allowedHosts: ReadonlySet<string>;
  tracking: TrackingList;
  installationHost: string;
  timeoutMs?: number;
  addressScope?: (address: string) => AddressScope;
  signal: AbortSignal;
}

export const DEFAULT_VISIT_TIMEOUT_MS = 45_000;
const VIEWPORT = { width: 1280, height: 800 };
/** Time a consent manager gets to show its banner after the page loaded. */
const BANNER_WAIT_MS = 4_000;
const LOAD_WAIT_MS = 15_000;
const STEP_MS = 5_000;
const MAX_SCREENSHOT_HEIGHT = 6_000;

class VisitError extends Error {
  constructor(
    readonly code: VisitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One visit of a landing page in a fresh profile: load it, find the banner, click accept or reject (or nothing),
 * let the page settle, then keep the requests, cookies, storage keys, a full-page screenshot and a HAR as evidence.
 * Never throws: a page that hangs, crashes or leaves the bounds ends the visit with `error`, keeping what was seen.
 */
export async function visitPage(engine: BrowserEngine, spec: VisitSpec, sink: EvidenceSink): Promise<ConsentVisit> {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const deadline = t0 + (spec.timeoutMs ?? DEFAULT_VISIT_TIMEOUT_MS);
  const left = () => Math.max(0, deadline - Date.now());
  const visit: ConsentVisit = {
    action: spec.action,
    error: null,
    finalUrl: null,
    status: null,
    banner: { cmp: null, shown: false, accept: null, reject: null },
    clicked: null,
    clickedAt: null,
    requests: [],
    requestsCapped: 0,
    cookies: [],
    storage: { before: { local: [], session: [] }, after: null },
    dismissed: { dialogs: 0, popups: 0, downloads: 0 },
    startedAt,
    ms: 0,
    evidence: { record: null, screenshot: null, har: null },
  };
  let page: BrowserPage | null = null;
  let log: ReturnType<typeof createRequestLog> | null = null;
  let gate: ReturnType<typeof createRequestGate> | null = null;
  let screenshot: Buffer | null = null;
  // Removed when the visit ends: an audit's one signal hears every visit, and must not keep them all.
  let onAbort: (() => void) | null = null;
  try {
    page = await within(engine.newPage(VIEWPORT), STEP_MS * 2, 'opening a browser page');
    const cdp = page.cdp;
    let crashed: (err: VisitError) => void = () => undefined;
    const crash = new Promise<never>((_, reject) => (crashed = reject));
    crash.catch(() => undefined);
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new VisitError('aborted', 'the audit was cancelled'));
      if (spec.signal.aborted) onAbort();
      spec.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    /** Every step races the visit's deadline, a renderer crash and cancellation. */
    const step = <T>(p: Promise<T>, name: string) => Promise.race([within(p, Math.min(left(), STEP_MS * 3) || 1, name), crash, aborted]);

    log = createRequestLog(cdp, () => visit.finalUrl ?? spec.url.href);
    gate = createRequestGate({ allowedHosts: spec.allowedHosts, addressScope: spec.addressScope, verifyCertificate: engine.verifyCertificate });
    let mainFrameId: string | null = null;
    const g = gate;
    const l = log;
    cdp.on('Fetch.requestPaused', (p) => {
      const params = p as { requestId: string; networkId?: string; request: { url: string }; resourceType: string; frameId: string };
      const topLevel = params.resourceType === 'Document' && (mainFrameId === null || params.frameId === mainFrameId);
      void g.decide(params.request.url, topLevel && visit.finalUrl !== null).then((blocked) => {
        if (blocked && params.networkId) l.markBlocked(params.networkId, blocked);
        if (blocked === 'cap') visit.requestsCapped++;
        const command = blocked ? cdp.send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' }) : cdp.send('Fetch.continueRequest', { requestId: params.requestId });
        command.catch(() => undefined);
      });
    });
    cdp.on('Page.javascriptDialogOpening', () => {
      visit.dismissed.dialogs++;
      cdp.send('Page.handleJavaScriptDialog', { accept: false }).catch(() => undefined);
    });
    cdp.on('Page.downloadWillBegin', () => visit.dismissed.downloads++);
    cdp.on('Inspector.targetCrashed', () => crashed(new VisitError('crashed', 'the page crashed the browser renderer')));
    let loaded = false;
    cdp.on('Page.loadEventFired', () => (loaded = true));
    cdp.on('Page.frameNavigated', (p) => {
      const frame = (p as { frame: { id: string; parentId?: string; url: string } }).frame;
      if (!frame.parentId) {
        mainFrameId = frame.id;
        visit.finalUrl = frame.url;
      }
    });
    page.onPopup(() => visit.dismissed.popups++);

    await step(Promise.all([cdp.send('Network.enable', {}), cdp.send('Page.enable', {}), cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })]), 'preparing the page');
    await cdp.send('Inspector.enable', {}).catch(() => undefined);
    await cdp.send('Page.setDownloadBehavior', { behavior: 'deny' }).catch(() => undefined);

    const nav = await step(cdp.send<{ errorText?: string; frameId: string }>('Page.navigate', { url: spec.url.href }), 'loading the page');
    mainFrameId = nav.frameId;
    visit.finalUrl ??= spec.url.href;
    if (nav.errorText) {
      const refused = log.requests.find((r) => r.type === 'Document' && r.blocked)?.blocked;
      throw new VisitError('navigation', `the page did not load: ${refused ? `refused by Prüfstand (${refused})` : nav.errorText}`);
    }
    await waitFor(() => loaded, Math.min(LOAD_WAIT_MS, left()), spec.signal);
    visit.status = log.requests.find((r) => r.type === 'Document')?.status ?? null;

    // The banner: consent managers show it some time after load; look until both buttons are there or time is up.
    let scan: BannerScan = { cmp: null, accept: null, reject: null };
    const bannerUntil = Date.now() + Math.min(BANNER_WAIT_MS, left());
    while (Date.now() < bannerUntil) {
      scan = await evaluate<BannerScan>(cdp, step, bannerScanExpression());
      if (scan.accept && scan.reject) break;
      await sleep(250);
    }
    await settle(log, Math.min(3_000, left()), spec.signal);
    scan = await evaluate<BannerScan>(cdp, step, bannerScanExpression());
    visit.banner = bannerOf(scan);
    visit.storage.before = await evaluate<VisitStorage>(cdp, step, STORAGE_KEYS_EXPRESSION);
    const cookiesBefore = await cookies(cdp, step);

    const wanted = spec.action === 'accept' ? 'accept' : spec.action === 'reject' ? 'reject' : null;
    if (wanted) {
      const placed = await evaluate<BannerScan>(cdp, step, bannerScanExpression(wanted));
      const button = placed[wanted];
      if (button) {
        log.clicked();
        visit.clicked = { by: button.by, selector: button.selector, text: button.text };
        visit.clickedAt = new Date().toISOString();
        await step(page.click(button.x, button.y), 'clicking the consent button');
        await sleep(300);
        await settle(log, Math.min(6_000, left()), spec.signal);
      }
    }
    const cookiesAtEnd = await cookies(cdp, step);
    visit.cookies = mergeCookies(cookiesBefore, cookiesAtEnd, visit.clicked ? 'after' : 'before', registrableDomain(new URL(visit.finalUrl ?? spec.url.href).hostname));
    if (visit.clicked) visit.storage.after = await evaluate<VisitStorage>(cdp, step, STORAGE_KEYS_EXPRESSION);
    screenshot = await fullPageScreenshot(cdp, step);
  } catch (err) {
    visit.error = err instanceof VisitError ? { code: err.code, message: err.message } : err instanceof StepTimeoutError ? { code: 'timeout', message: `${err.message}: the page kept the browser busy or did not answer` } : { code: 'browser', message: (err as Error).message.split('\n')[0] ?? 'browser error' };
  } finally {
    if (onAbort) spec.signal.removeEventListener('abort', onAbort);
    if (page) await page.close();
  }
  if (log) {
    await within(log.bodies(), 2_000, 'response bodies').catch(() => undefined);
    visit.requests = log.requests.map(({ id: _id, startedDateTime: _s, requestHeaders: _q, responseHeaders: _r, mimeType: _m, statusText: _t, encodedBytes: _e, durationMs: _d, body: _b, ...r }) => r);
  }
  visit.ms = Date.now() - t0;
  const label = `${spec.url.href} (${spec.action})`;
  if (screenshot) visit.evidence.screenshot = sink.add({ kind: 'screenshot', summary: `Screenshot ${label}`, mediaType: 'image/png', content: screenshot, capturedAt: new Date().toISOString() });
  if (log) {
    const har = buildHar({ pageUrl: spec.url.href, startedAt, browser: engine.version, creatorVersion: engineVersion(), requests: log.requests });
    visit.evidence.har = sink.add({ kind: 'har', summary: `HAR ${label}`, mediaType: 'application/json', content: Buffer.from(har), capturedAt: new Date().toISOString() });
  }
  const record: ConsentVisitRecord = { page: spec.url.href, installationHost: spec.installationHost, browser: engine.version, visit };
  visit.evidence.record = sink.add({ kind: 'browser-visit', summary: `Browser visit ${label}: ${visit.requests.length} requests, ${visit.cookies.length} cookies${visit.error ? `, ${visit.error.code}` : ''}`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(record, null, 1)), capturedAt: new Date().toISOString() });
  return visit;
}

type Step = <T>(p: Promise<T>, name: string) => Promise<T>;

async function evaluate<T>(cdp: CdpSession, step: Step, expression: string): Promise<T> {
  const tree = await step(cdp.send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree', {}), 'reading the page');
  const world = await step(cdp.send<{ executionContextId: number }>('Page.createIsolatedWorld', { frameId: tree.frameTree.frame.id, worldName: 'pruefstand', grantUniveralAccess: false }), 'reading the page');
  const out = await step(cdp.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, contextId: world.executionContextId, returnByValue: true, timeout: 3_000 }), 'reading the page');
  if (out.exceptionDetails || out.result.value === undefined) throw new VisitError('browser', `reading the page failed: ${out.exceptionDetails?.text ?? 'no result'}`);
  return out.result.value;
}

interface CdpCookie {
  name: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: string;
}

async function cookies(cdp: CdpSession, step: Step): Promise<CdpCookie[]> {
  const out = await step(cdp.send<{ cookies: CdpCookie[] }>('Network.getAllCookies', {}), 'reading the cookies');
  return out.cookies;
}

const cookieKey = (c: CdpCookie) => `${c.name}\u0000${c.domain}\u0000${c.path}`;

/** Every cookie seen, once: those of the first snapshot as 'before', those only in the last one as `later`. */
function mergeCookies(before: CdpCookie[], atEnd: CdpCookie[], later: VisitCookie['phase'], site: string): VisitCookie[] {
  const merged = new Map<string, VisitCookie>();
  for (const c of before) merged.set(cookieKey(c), cookieOf(c, 'before', site));
  for (const c of atEnd) if (!merged.has(cookieKey(c))) merged.set(cookieKey(c), cookieOf(c, later, site));
  return [...merged.values()];
}

function cookieOf(c: CdpCookie, phase: VisitCookie['phase'], site: string): VisitCookie {
  return {
    name: c.name,
    domain: c.domain,
    path: c.path,
    expires: c.session || c.expires <= 0 ? null : new Date(c.expires * 1000).toISOString(),
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: c.sameSite ?? null,
    firstParty: registrableDomain(c.domain.replace(/^\./, '')) === site,
    phase,
  };
}

function bannerOf(scan: BannerScan): BannerObservation {
  const strip = (b: BannerScan['accept']) => (b ? { by: b.by, selector: b.selector, text: b.text } : null);
  return { cmp: scan.cmp, shown: Boolean(scan.accept || scan.reject), accept: strip(scan.accept), reject: strip(scan.reject) };
}

async function waitFor(condition: () => boolean, ms: number, signal: AbortSignal): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until && !signal.aborted) await sleep(100);
}

/** Waits until the network has been quiet for half a second (or `ms` has passed). */
async function settle(log: ReturnType<typeof createRequestLog>, ms: number, signal: AbortSignal): Promise<void> {
  await sleep(Math.min(500, ms));
  await waitFor(() => log.quiet(500), Math.max(0, ms - 500), signal);
}

async function fullPageScreenshot(cdp: CdpSession, step: Step): Promise<Buffer> {
  const metrics = await step(cdp.send<{ cssContentSize: { width: number; height: number } }>('Page.getLayoutMetrics', {}), 'measuring the page');
  const width = Math.max(1, Math.min(Math.ceil(metrics.cssContentSize.width), VIEWPORT.width * 2));
  const height = Math.max(1, Math.min(Math.ceil(metrics.cssContentSize.height), MAX_SCREENSHOT_HEIGHT));
  const shot = await step(cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } }), 'taking the screenshot');
  return Buffer.from(shot.data, 'base64');
}
