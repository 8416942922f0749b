// What a real browser saw on a landing page in three visits: without any click, after consent was given and
// after it was refused. Pure vocabulary (no node, electron or DOM imports): the probe writes it, the checks
// judge it, the reports and the app draw the consent matrix from it.

/** The three visits per page, each in a fresh profile. */
export const CONSENT_ACTIONS = ['none', 'accept', 'reject'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Before the consent button was clicked, or after. A visit without a click has only 'before'. */
export type VisitPhase = 'before' | 'after';

/** A button of a consent banner, as found on the page. */
export interface ConsentButton {
  /** How it was found: a consent manager's own markup, or its visible label. */
  by: 'cmp' | 'label';
  /** The CSS selector that matched (by 'cmp') or the label pattern (by 'label'). */
  selector: string;
  /** Its visible text, trimmed and capped. */
  text: string;
}

export interface BannerObservation {
  /** A consent manager recognised by its script, globals or markup (consent-managers.ts ids); null: none. */
  cmp: { id: string; name: string } | null;
  /** A visible banner (or dialog) with a consent button on its first layer. */
  shown: boolean;
  accept: ConsentButton | null;
  reject: ConsentButton | null;
}

export interface VisitRequest {
  url: string;
  method: string;
  /** Chromium's resource type: Document, Script, Image, XHR, Fetch, Ping, Stylesheet, Font … */
  type: string;
  /** What started it: 'parser', 'script' (with the script's URL when known), 'preload', 'other'. */
  initiator: string;
  initiatorUrl: string | null;
  /** Not on the page's own site (registrable domain, or host for IP addresses). */
  thirdParty: boolean;
  phase: VisitPhase;
  /** Milliseconds since the navigation started. */
  atMs: number;
  status: number | null;
  /** Why the browser did not let it go out (the visit's bounds), or why it failed; null when it was answered. */
  blocked: 'lan' | 'navigation' | 'cap' | 'scheme' | 'certificate' | null;
  failed: string | null;
}

export interface VisitCookie {
  name: string;
  domain: string;
  path: string;
  /** ISO time, or null for a session cookie. */
  expires: string | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string | null;
  firstParty: boolean;
  /** When it was first seen: already before the click, or only after it. */
  phase: VisitPhase;
}

export interface VisitStorage {
  local: string[];
  session: string[];
}

export type VisitErrorCode = 'timeout' | 'crashed' | 'navigation' | 'blocked' | 'browser' | 'aborted';

export interface ConsentVisit {
  action: ConsentAction;
  /** Set when the visit could not be completed; what it saw until then is kept. */
  error: { code: VisitErrorCode; message: string } | null;
  finalUrl: string | null;
  status: number | null;
  banner: BannerObservation;
  /** The button clicked (accept or reject visits); null: none was found or the visit had no click. */
  clicked: ConsentButton | null;
  /** ISO time of the click. */
  clickedAt: string | null;
  requests: VisitRequest[];
  /** More requests were made than the cap; those after it were refused and are not listed one by one. */
  requestsCapped: number;
  cookies: VisitCookie[];
  storage: { before: VisitStorage; after: VisitStorage | null };
  /** Dialogs (alert, confirm …) and pop-ups the page opened, dismissed. */
  dismissed: { dialogs: number; popups: number; downloads: number };
  startedAt: string;
  ms: number;
  /** SHA-256 of this record (JSON), the full-page screenshot (PNG) and the HAR file. */
  evidence: { record: string | null; screenshot: string | null; har: string | null };
}

export interface ConsentPage {
  url: string;
  visits: ConsentVisit[];
}

/** The shipped, editable list of what counts as tracking (checklists/tracking-hosts.yaml). */
export interface TrackingList {
  source: string;
  /** A host matches itself and its subdomains; a path-qualified entry ('facebook.com/tr') only that path prefix. */
  hosts: { host: string; path: string | null; name: string }[];
  /** Cookie and storage-key names; `*` stands for any characters. */
  cookies: { pattern: string; name: string }[];
  /** Paths that are Mautic's tracking on any host (/mtc.js, /mtc/event, /mtracking.gif). */
  mauticPaths: string[];
}

export interface ConsentVisitsObservation {
  pages: ConsentPage[];
  /** Landing pages beyond the cap, not visited. */
  skipped: number;
  /** The Mautic installation's host: its requests are Mautic tracking wherever the page is. */
  installationHost: string;
  tracking: TrackingList;
  /** The browser's product and version ("Chromium 131.0…"), for the report. */
  browser: string;
}
