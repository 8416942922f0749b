import type { EvidenceKind } from '../../shared/domain';
import type { NetClient } from '../net/client';
import type { Exchange, HandshakeResult, NetError } from '../net/types';
import type { CorsObservation, PathObservation } from './exposure';
import type { LandingPageObservation } from './landing';

export interface AuditTarget {
  /** The installation's https URL. */
  url: URL;
  /** Where the plain-HTTP redirect is tested (default: same host, port 80). */
  httpUrl: URL;
  /** Landing pages on other sites that embed Mautic (forms, tracking); checked by the landing.* checks. */
  landingPages?: URL[];
}

export interface NewEvidence {
  kind: EvidenceKind;
  summary: string;
  mediaType: string;
  content: Buffer;
  capturedAt: string;
}

/** Where probes put what they saw; returns the SHA-256 of the stored document. */
export interface EvidenceSink {
  add(evidence: NewEvidence): string;
}

export interface ProbeContext {
  target: AuditTarget;
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
}

export type ProbeId = keyof ObservationMap;

export interface Probe<K extends ProbeId = ProbeId> {
  id: K;
  run(ctx: ProbeContext): Promise<ProbeResult<ObservationMap[K]>>;
}

export type Observations = { [K in ProbeId]?: ProbeResult<ObservationMap[K]> };
