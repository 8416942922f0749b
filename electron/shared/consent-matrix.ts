// The consent matrix: per landing page, what the browser saw without a click, after consent was given and after
// it was refused — cookies, third-party hosts, tracking requests, storage keys. Pure, so the PDF, the workbook and
// the app draw it alike from the same visits.
import type { ConsentAction, ConsentButton, ConsentPage, ConsentVisit, TrackingList, VisitErrorCode, VisitPhase } from './consent';
import { trackerOfName, trackerOfRequest } from './tracking-match';

export const CONSENT_STATES = ['before', 'accepted', 'rejected'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The visit each state is read from. 'accepted' and 'rejected' take the whole visit, before and after the click. */
export const STATE_ACTION: Record<ConsentState, ConsentAction> = { before: 'none', accepted: 'accept', rejected: 'reject' };

export interface ConsentMatrixRow {
  state: ConsentState;
  /** False when the page has no visit of this kind (the row's lists are then empty). */
  visited: boolean;
  cookies: { count: number; tracking: { name: string; tracker: string }[] };
  /** Distinct hosts of the third-party requests, in the order first requested. */
  thirdPartyHosts: string[];
  /** Requests to a tracker, and the distinct trackers they went to. */
  trackingRequests: { count: number; trackers: string[] };
  /** Distinct localStorage and sessionStorage keys, before and after the click. */
  storage: { keys: string[]; tracking: { name: string; tracker: string }[] };
  clicked: ConsentButton | null;
  error: { code: VisitErrorCode; message: string } | null;
  /** SHA-256 of the visit's screenshot and HAR, when kept. */
  screenshot: string | null;
  har: string | null;
}

export interface ConsentMatrixPage {
  url: string;
  rows: ConsentMatrixRow[];
}

export interface ConsentMatrixInput {
  pages: readonly ConsentPage[];
  installationHost: string;
}

const distinct = (values: Iterable<string>) => [...new Set(values)];

function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

const emptyRow = (state: ConsentState): ConsentMatrixRow => ({
  state,
  visited: false,
  cookies: { count: 0, tracking: [] },
  thirdPartyHosts: [],
  trackingRequests: { count: 0, trackers: [] },
  storage: { keys: [], tracking: [] },
  clicked: null,
  error: null,
  screenshot: null,
  har: null,
});

const named = (list: TrackingList, names: readonly string[]) =>
  names.flatMap((name) => {
    const tracker = trackerOfName(list, name);
    return tracker === null ? [] : [{ name, tracker }];
  });

/** One row of the matrix from one visit. Every request listed counts, also those the visit's bounds refused: the page asked for them. */
export function matrixRow(state: ConsentState, visit: ConsentVisit, list: TrackingList, installationHost: string): ConsentMatrixRow {
  const trackers = visit.requests.map((r) => trackerOfRequest(list, r.url, installationHost)).filter((t): t is string => t !== null);
  const thirdParty = visit.requests.filter((r) => r.thirdParty).map((r) => hostOf(r.url));
  const storageKeys = distinct([...visit.storage.before.local, ...visit.storage.before.session, ...(visit.storage.after?.local ?? []), ...(visit.storage.after?.session ?? [])]);
  return {
    state,
    visited: true,
    cookies: { count: visit.cookies.length, tracking: named(list, distinct(visit.cookies.map((c) => c.name))) },
    thirdPartyHosts: distinct(thirdParty.filter((h): h is string => h !== null)),
    trackingRequests: { count: trackers.length, trackers: distinct(trackers) },
    storage: { keys: storageKeys, tracking: named(list, storageKeys) },
    clicked: visit.clicked,
    error: visit.error,
    screenshot: visit.evidence.screenshot,
    har: visit.evidence.har,
  };
}

/** Rows before / accepted / rejected for every page, in the order of the pages. */
export function consentMatrix(input: ConsentMatrixInput, list: TrackingList): ConsentMatrixPage[] {
  return input.pages.map((page) => ({
    url: page.url,
    rows: CONSENT_STATES.map((state) => {
      const visit = page.visits.find((v) => v.action === STATE_ACTION[state]);
      return visit ? matrixRow(state, visit, list, input.installationHost) : emptyRow(state);
    }),
  }));
}

/** One cookie or one tracking request of a visit, for the full list beside the matrix. */
export interface ConsentDetail {
  page: string;
  state: ConsentState;
  type: 'cookie' | 'request';
  /** The cookie's name, or the request's URL. */
  name: string;
  /** The tracker it belongs to (always set for a request). */
  tracker: string | null;
  /** The cookie's domain, or the request's host. */
  domain: string;
  phase: VisitPhase;
  firstParty: boolean;
  /** ISO time; null for a session cookie and for requests. */
  expires: string | null;
}

/** Every cookie and every tracking request of every visit, page by page, state by state. */
export function consentDetails(input: ConsentMatrixInput, list: TrackingList): ConsentDetail[] {
  return input.pages.flatMap((page) =>
    CONSENT_STATES.flatMap((state) => {
      const visit = page.visits.find((v) => v.action === STATE_ACTION[state]);
      if (!visit) return [];
      const cookies = visit.cookies.map(
        (c): ConsentDetail => ({ page: page.url, state, type: 'cookie', name: c.name, tracker: trackerOfName(list, c.name), domain: c.domain, phase: c.phase, firstParty: c.firstParty, expires: c.expires }),
      );
      const requests = visit.requests.flatMap((r): ConsentDetail[] => {
        const tracker = trackerOfRequest(list, r.url, input.installationHost);
        if (tracker === null) return [];
        return [{ page: page.url, state, type: 'request', name: r.url, tracker, domain: hostOf(r.url) ?? '', phase: r.phase, firstParty: !r.thirdParty, expires: null }];
      });
      return [...cookies, ...requests];
    }),
  );
}
