import type { Chain } from '../net/client';
import { headerValue, type Exchange } from '../net/types';
import { baseOf } from './exposure';
import type { MauticVersionLine } from './mautic-version';
import { analyzeMtc, inferVersion, MARKER, type Marker, type MtcAnalysis } from './mtc-markers';
import type { AuditTarget, Probe } from './types';

/**
 * Mautic prints the Google Analytics / Facebook snippets into mtc.js depending on the Referer
 * (PageBundle TrackingHelper): the `_trackingpage_enabled` settings apply when the Referer does not contain
 * site_url (a page elsewhere), the `_landingpage_enabled` settings when it does (Mautic's own landing pages).
 */
export type MtcContext = 'tracking-page' | 'landing-page';

/** What the URL served: Mautic's script, or why not. */
export type MtcState = 'mautic' | 'not-found' | 'http-status' | 'not-javascript' | 'not-mautic';

export interface MtcFetch {
  context: MtcContext;
  referer: string;
  /** Every URL of the redirect chain; the last is where the script was read. */
  chain: string[];
  status: number;
  contentType: string | null;
  state: MtcState;
  /** The body was cut at the client's size cap. */
  bodyTruncated: boolean;
  /** The markers and third-party settings of the body; null when it is no script (404, HTML). */
  analysis: MtcAnalysis | null;
  evidence: string[];
}

export interface TrackingScriptObservation {
  /** mtc.js resolved against the installation URL (Mautic may live in a sub-folder). */
  url: string;
  /** One fetch per Referer context: tracking page first, then landing page. */
  fetches: MtcFetch[];
  /** 'mautic' when any fetch served Mautic's script, else the state of the tracking-page fetch. */
  state: MtcState;
  /** The markers of every fetch that served Mautic's script. */
  markers: Marker[];
  /** The Mautic version line inferred from the script's markers; null when it could not be told. */
  version: MauticVersionLine | null;
  /** The markers (or their absence, `no …`) that decided the version line. */
  versionMarkers: string[];
  /** Fingerprint2 is embedded (Mautic 1.4–2.16). */
  fingerprint: boolean;
  /** A fetch was cut by a cap: markers after it were not seen. */
  incomplete: boolean;
}

/** A Referer outside the installation when the auditor named no external landing page. */
export const NEUTRAL_REFERER = 'https://www.example.com/';

/** The first landing page on another origin than the installation, else a neutral external page. */
export function externalReferer(target: AuditTarget): string {
  const page = (target.landingPages ?? []).find((p) => p.origin !== target.url.origin);
  return page?.href ?? NEUTRAL_REFERER;
}

function isHtml(contentType: string | null, body: string): boolean {
  const type = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  return !/(java|ecma)script/.test(type) && body.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

function observeFetch(context: MtcContext, referer: string, exchanges: Exchange[]): MtcFetch {
  const last = exchanges[exchanges.length - 1]!;
  const status = last.response!.status;
  const contentType = headerValue(last.response!.headers, 'content-type');
  const body = last.body.toString('utf8');
  const common = { context, referer, chain: exchanges.map((e) => e.request.url), status, contentType, bodyTruncated: last.truncated, evidence: exchanges.map((e) => e.evidence) };
  if (status === 404 || status === 410) return { ...common, state: 'not-found', analysis: null };
  if (status < 200 || status > 299) return { ...common, state: 'http-status', analysis: null };
  if (isHtml(contentType, body)) return { ...common, state: 'not-javascript', analysis: null };
  const analysis = analyzeMtc(body);
  return { ...common, state: analysis.mautic ? 'mautic' : 'not-mautic', analysis };
}

/**
 * Fetches mtc.js twice, with an external page and with the installation as Referer, keeping every exchange
 * as evidence, and reads the script's markers (version line, Fingerprint2) and third-party settings.
 * A missing or foreign script is an observation; only a network failure is an error.
 */
export const trackingScriptProbe: Probe<'tracking-script'> = {
  id: 'tracking-script',
  async run({ target, net }) {
    const url = new URL('mtc.js', baseOf(target));
    const contexts: [MtcContext, string][] = [
      ['tracking-page', externalReferer(target)],
      ['landing-page', target.url.href],
    ];
    // One after the other: the second request adds little time, and keeps this probe to one connection.
    const chains: Chain[] = [];
    for (const [, referer] of contexts) chains.push(await net.follow(url, { headers: { referer } }));
    const evidence = chains.flatMap((c) => c.exchanges.map((e) => e.evidence));
    const failed = chains.find((c) => c.error);
    if (failed?.error) return { ok: false, error: failed.error, evidence };
    const fetches = chains.map((c, i) => observeFetch(contexts[i]![0], contexts[i]![1], c.exchanges));
    const mautic = fetches.filter((f) => f.state === 'mautic');
    const seen = new Set(mautic.flatMap((f) => f.analysis!.markers));
    const markers = Object.values(MARKER).filter((m) => seen.has(m));
    const { line, decidedBy } = inferVersion(markers);
    return {
      ok: true,
      data: {
        url: url.href,
        fetches,
        state: mautic.length ? 'mautic' : fetches[0]!.state,
        markers,
        version: line,
        versionMarkers: decidedBy,
        fingerprint: mautic.some((f) => f.analysis!.fingerprint),
        incomplete: fetches.some((f) => f.bodyTruncated || Boolean(f.analysis?.truncated)),
      },
      evidence,
    };
  },
};
