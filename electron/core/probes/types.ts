import type { ConsentVisitsObservation, TrackingList } from '../../shared/consent';
import type { RegisterSnapshot } from '../../shared/registers';
import type { VendorCatalogue } from '../../shared/vendors';
import type { BrowserLauncher } from '../browser/types';
import type { AddressScope } from '../net/address-scope';
import type { NetClient } from '../net/client';
import type { Exchange, HandshakeResult, NetError } from '../net/types';
import type { ConfigSource } from './config-source';
import type { CorsObservation, PathObservation } from './exposure';
import type { FormsObservation } from './forms';
import type { LandingPageObservation } from './landing';
import type { MauticConfigObservation } from './mautic-config';
import type { PrivacyPolicyObservation } from './privacy-policy';
import type { RegistersObservation } from './registers';
import type { TrackingScriptObservation } from './tracking';

export interface AuditTarget {
  /** The installation's https URL. */
  url: URL;
  /** Where the plain-HTTP redirect is tested (default: same host, port 80). */
  httpUrl: URL;
  /** Landing pages on other sites that embed Mautic (forms, tracking); checked by the landing.* checks. */
  landingPages?: URL[];
  /** Mautic form pages (`/form/{id}`) or pages embedding forms; checked by the forms.* checks. */
  formUrls?: URL[];
  /** The privacy policy the auditor named; null: look for the link on the site. */
  privacyPolicyUrl?: URL | null;
  /** The installation's own files (local.php, crontab); null: the config.* checks are manual. */
  config?: ConfigSource | null;
  /** The client's registers (processors, records of processing) and the vendor catalogue; null: ropa.* and dpa.* are manual. */
  registers?: {
    snapshot: RegisterSnapshot;
    vendors: VendorCatalogue;
    /** The stored DPA documents by SHA-256, so the run keeps them as evidence (its pack then carries them). */
    readDocument?: (sha256: string) => Buffer;
  } | null;
}

import type { EvidenceSink } from '../evidence-sink';
export type { EvidenceSink, NewEvidence } from '../evidence-sink';

/** How the consent probe gets its browser (a fresh profile per visit) and what it counts as tracking. */
export interface ConsentSetup {
  /** null: no browser could be found or browser visits are off; `unavailable` says why (the checks say error). */
  launch: BrowserLauncher | null;
  unavailable: string | null;
  tracking: TrackingList;
  /** Per visit, from the navigation to the last snapshot. */
  visitTimeoutMs?: number;
  /** As in NetOptions: tests name some loopback addresses public with it. */
  addressScope?: (address: string) => AddressScope;
}

export interface ProbeContext {
  target: AuditTarget;
  /** Absent: no browser visits in this audit (the consent.* checks say error with the reason). */
  consent?: ConsentSetup | null;
  net: NetClient;
  evidence: EvidenceSink;
  signal: AbortSignal;
}

/** A probe's result: never thrown, always returned. */
export type ProbeResult<T> =
  | { ok: true; data: T; evidence: string[] }
  | { ok: false; error: NetError; evidence: string[] };

/** Everything the probes of this engine can observe, by probe id. */
export interface ObservationMap {
  /** The plain-HTTP chain. connectError: nothing listens on plain HTTP (connection refused). */
  'http-redirect': { exchanges: Exchange[]; chainError: NetError | null; connectError: NetError | null };
  /** The https chain, last exchange = final response. chainError: why following stopped (loop, cap, network). */
  'https-main': { exchanges: Exchange[] };
  /** One handshake with the versions the server prefers; the certificate chain as presented. */
  'tls-certificate': { handshake: HandshakeResult; extraCaName: string | null };
  'tls-protocols': { handshakes: HandshakeResult[] };
  /** Each sensitive path requested once relative to the base URL (no redirects followed), plus one unknown path. */
  'exposure-paths': { base: string; paths: PathObservation[] };
  /** Preflight and XHR requests from a foreign origin to the tracking and API endpoints. */
  'exposure-cors': { base: string; requests: CorsObservation[] };
  /** Each landing page the auditor named (at most MAX_PAGES), fetched with redirects, with the resources it loads. */
  'landing-pages': { pages: LandingPageObservation[]; skipped: number; installationHost: string };
  /** /mtc.js as the installation serves it, with the markers found in it. */
  'tracking-script': TrackingScriptObservation;
  /** The Mautic forms on the form pages the auditor named. */
  forms: FormsObservation;
  /** The privacy policy: where it was found, its text, and the elements recognised in it. */
  'privacy-policy': PrivacyPolicyObservation;
  /** The installation's local.php (parsed, merged with the version's defaults, redacted) and crontab. */
  'mautic-config': MauticConfigObservation;
  /** Each landing page visited three times in a real browser: no click, consent given, consent refused. */
  'consent-visits': ConsentVisitsObservation;
  /** The client's registers as handed to the audit, with the vendor catalogue; `given: false` when there are none. */
  registers: RegistersObservation;
}

export type ProbeId = keyof ObservationMap;

export interface Probe<K extends ProbeId = ProbeId> {
  id: K;
  run(ctx: ProbeContext): Promise<ProbeResult<ObservationMap[K]>>;
}

export type Observations = { [K in ProbeId]?: ProbeResult<ObservationMap[K]> };
