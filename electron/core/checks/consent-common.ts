// The steps the consent.* checks share: what a browser visit saw that the tracking list names, grouped into
// findings that name the page, the cookie or request, the tracker and when; and the visits that could not finish.
import type { ConsentAction, ConsentPage, ConsentVisit, ConsentVisitsObservation, VisitErrorCode, VisitPhase } from '../../shared/consent';
import type { ErrorCause, Finding, Params } from '../../shared/domain';
import { isMauticTracking, trackerOfName, trackerOfRequest } from '../../shared/tracking-match';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { errorFinding, finding, outcome, probeError } from './outcome';
import { PROBE_ERROR, type CheckOutcome } from './types';

export type ConsentProbe = ProbeResult<ObservationMap['consent-visits']>;
export type SightingKind = 'request' | 'cookie' | 'storage';

/** One thing a visit saw that the tracking list names. */
export interface Sighting {
  kind: SightingKind;
  tracker: string;
  /** Mautic's own tracking: its script, event endpoint or pixel, or one of its cookies or storage keys. */
  mautic: boolean;
  phase: VisitPhase;
  action: ConsentAction;
  /** What groups repeats: the cookie (name, domain), the storage key, or the request's URL without its query. */
  key: string;
  /** The request's URL, the cookie's or key's name. */
  name: string;
  /** Cookie domain or storage area (localStorage, sessionStorage); '' for requests. */
  where: string;
  /** Requests: milliseconds after the navigation started. */
  atMs: number | null;
  evidence: string[];
}

/** Codes every consent.* check can emit. */
export const CONSENT_COMMON = ['consent-none', 'visit-error', 'requests-capped', PROBE_ERROR] as const;

const VISIT_CAUSE: Record<Exclude<VisitErrorCode, 'navigation'>, ErrorCause> = {
  timeout: 'timeout',
  crashed: 'browser',
  browser: 'browser',
  aborted: 'aborted',
  blocked: 'unsafe-redirect',
};

/** Chromium's net error (net::ERR_…) in a failed navigation, as the cause the net client would name. */
const NAVIGATION_CAUSE: [RegExp, ErrorCause][] = [
  [/ERR_CONNECTION_REFUSED/, 'refused'],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, 'dns'],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL/, 'tls'],
  [/ERR_(CONNECTION_)?TIMED_OUT/, 'timeout'],
  [/ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE/, 'reset'],
  [/ERR_TOO_MANY_REDIRECTS/, 'too-many-redirects'],
  [/refused by Prüfstand \(certificate\)/, 'tls'],
  [/refused by Prüfstand/, 'unsafe-redirect'],
];

export function visitCause(error: { code: VisitErrorCode; message: string }): ErrorCause {
  if (error.code !== 'navigation') return VISIT_CAUSE[error.code] ?? 'browser';
  return NAVIGATION_CAUSE.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'protocol';
}

export const visitEvidence = (visit: ConsentVisit): string[] => [visit.evidence.record, visit.evidence.screenshot, visit.evidence.har].filter((s): s is string => s !== null);

export const visitOf = (page: ConsentPage, action: ConsentAction): ConsentVisit | undefined => page.visits.find((v) => v.action === action);

const isMauticName = (tracker: string) => /^Mautic\b/.test(tracker);

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Everything on the tracking list that the visit saw, in the order seen (requests by time). */
export function sightingsOf(visit: ConsentVisit, data: ConsentVisitsObservation): Sighting[] {
  const { tracking: list, installationHost } = data;
  const evidence = visitEvidence(visit);
  const base = { action: visit.action, evidence };
  const out: Sighting[] = [];
  for (const r of [...visit.requests].sort((a, b) => a.atMs - b.atMs)) {
    const tracker = trackerOfRequest(list, r.url, installationHost);
    if (!tracker) continue;
    out.push({ ...base, kind: 'request', tracker, mautic: isMauticTracking(list, r.url, installationHost), phase: r.phase, key: withoutQuery(r.url), name: r.url, where: '', atMs: r.atMs });
  }
  for (const c of visit.cookies) {
    const tracker = trackerOfName(list, c.name);
    if (tracker) out.push({ ...base, kind: 'cookie', tracker, mautic: isMauticName(tracker), phase: c.phase, key: `${c.name} ${c.domain}`, name: c.name, where: c.domain, atMs: null });
  }
  const storage = (keys: string[], where: string, phase: VisitPhase, seen: readonly string[]) => {
    for (const key of keys.filter((k) => !seen.includes(k))) {
      const tracker = trackerOfName(list, key);
      if (tracker) out.push({ ...base, kind: 'storage', tracker, mautic: isMauticName(tracker), phase, key: `${where} ${key}`, name: key, where, atMs: null });
    }
  };
  storage(visit.storage.before.local, 'localStorage', 'before', []);
  storage(visit.storage.before.session, 'sessionStorage', 'before', []);
  if (visit.storage.after) {
    storage(visit.storage.after.local, 'localStorage', 'after', visit.storage.before.local);
    storage(visit.storage.after.session, 'sessionStorage', 'after', visit.storage.before.session);
  }
  return out;
}

/** What was seen before any consent: all of the visit without a click, the part before the click of the others. */
export function beforeConsent(page: ConsentPage, data: ConsentVisitsObservation): Sighting[] {
  return page.visits.flatMap((v) => sightingsOf(v, data).filter((s) => v.action === 'none' || s.phase === 'before'));
}

/** What was seen after the click in the visit of `action` (none when its button was not found). */
export function afterClick(page: ConsentPage, action: 'accept' | 'reject', data: ConsentVisitsObservation): Sighting[] {
  const visit = visitOf(page, action);
  if (!visit?.clicked) return [];
  return sightingsOf(visit, data).filter((s) => s.phase === 'after');
}

/**
 * One finding per page and thing seen (repeats across visits and requests to the same URL merged), coded
 * `{prefix}-request`, `-cookie` or `-storage`, with the earliest time and the visits it was seen in.
 */
export function sightingFindings(prefix: string, page: string, sightings: Sighting[]): { findings: Finding[]; evidence: string[] } {
  const groups = new Map<string, Sighting[]>();
  for (const s of sightings) groups.set(`${s.kind} ${s.key}`, [...(groups.get(`${s.kind} ${s.key}`) ?? []), s]);
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const params: Params = { page, tracker: first.tracker, phase: first.phase, visits: [...new Set(group.map((s) => s.action))] };
    if (first.kind === 'request') {
      const times = group.map((s) => s.atMs!);
      Object.assign(params, { url: first.name, ms: Math.round(Math.min(...times)), count: group.length });
    } else if (first.kind === 'cookie') Object.assign(params, { cookie: first.name, domain: first.where });
    else Object.assign(params, { key: first.name, storage: first.where });
    findings.push(finding(`${prefix}-${first.kind}`, 'fail', params));
    evidence.push(...group.flatMap((s) => s.evidence));
  }
  return { findings, evidence };
}

export const sightingCodes = (prefix: string) => [`${prefix}-request`, `${prefix}-cookie`, `${prefix}-storage`];

/** An error finding for each visit of `actions` that could not be completed (or has no record at all). */
export function visitErrors(page: ConsentPage, actions: readonly ConsentAction[]): { findings: Finding[]; evidence: string[] } {
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const action of actions) {
    const v = visitOf(page, action);
    if (!v) findings.push(errorFinding('visit-error', 'protocol', { page: page.url, visit: action, error: 'no record of this visit' }));
    else if (v.error) {
      findings.push(errorFinding('visit-error', visitCause(v.error), { page: page.url, visit: action, error: v.error.message }));
      evidence.push(...visitEvidence(v));
    }
  }
  return { findings, evidence };
}

/** A warning for each visit that made more requests than it may: tracking may hide among those not made. */
export function cappedFindings(page: ConsentPage, actions: readonly ConsentAction[]): Finding[] {
  const capped = actions.map((a) => visitOf(page, a)).filter((v): v is ConsentVisit => Boolean(v && v.requestsCapped > 0));
  return capped.map((v) => finding('requests-capped', 'warn', { page: page.url, visit: v.action, count: v.requestsCapped }));
}

/** Per page: its findings and evidence. */
export type PageVerdict = (page: ConsentPage, data: ConsentVisitsObservation) => { findings: Finding[]; evidence: string[] };

/**
 * The frame of every consent.* check: the probe's error, no pages (nothing to visit: n/a), else each page judged
 * on its own. `extra` adds findings about the whole observation (pages not visited).
 */
export function judgePages(probe: ConsentProbe, judge: PageVerdict, extra?: (data: ConsentVisitsObservation) => Finding[]): CheckOutcome {
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const data = probe.data;
  if (!data.pages.length) return outcome([finding('consent-none', 'not_applicable')], probe.evidence);
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const page of data.pages) {
    const judged = judge(page, data);
    findings.push(...judged.findings);
    evidence.push(...judged.evidence);
  }
  findings.push(...(extra?.(data) ?? []));
  return outcome(findings, evidence.length ? evidence : probe.evidence);
}

/**
 * A page's verdict when something was proven: the fails alone (fail wins over an unfinished visit); else the
 * visits' errors, which stand in for any pass (an unfinished visit never passes); else what `otherwise` says, with
 * a warning for each visit of `capped` that hit the request cap.
 */
export function failOrError(
  page: ConsentPage,
  fails: { findings: Finding[]; evidence: string[] },
  actions: readonly ConsentAction[],
  otherwise: () => { findings: Finding[]; evidence: string[] },
  capped: readonly ConsentAction[] = actions,
): { findings: Finding[]; evidence: string[] } {
  if (fails.findings.length) return fails;
  const errors = visitErrors(page, actions);
  if (errors.findings.length) return errors;
  const rest = otherwise();
  return { findings: [...rest.findings, ...cappedFindings(page, capped)], evidence: rest.evidence };
}
