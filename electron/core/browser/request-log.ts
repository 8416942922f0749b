import type { VisitPhase, VisitRequest } from '../../shared/consent';
import { registrableDomain } from '../mautic-config/domains';
import type { CdpSession } from './types';

/** Response bodies kept in the HAR: each at most this much, all together at most MAX_HAR_BODIES. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_HAR_BODIES = 2 * 1024 * 1024;
const TEXTUAL = /^(text\/|application\/(javascript|x-javascript|ecmascript|json|ld\+json|xml|xhtml\+xml)|image\/svg\+xml)/i;

export interface LoggedRequest extends VisitRequest {
  id: string;
  startedDateTime: string;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  mimeType: string | null;
  statusText: string;
  encodedBytes: number;
  durationMs: number;
  body: { text: string; base64: boolean; truncated: boolean } | null;
}

type Params = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Listens to the Network domain of one visit and keeps every request, its response and a capped body. */
export function createRequestLog(cdp: CdpSession, pageUrl: () => string) {
  const requests: LoggedRequest[] = [];
  const current = new Map<string, LoggedRequest>();
  const blocked = new Map<string, NonNullable<VisitRequest['blocked']>>();
  const bodies: Promise<void>[] = [];
  let bodyBudget = MAX_HAR_BODIES;
  let startTs: number | null = null;
  let phase: VisitPhase = 'before';
  let inFlight = 0;
  let lastActivity = Date.now();

  const sitesOf = (url: string) => {
    try {
      return registrableDomain(new URL(url).hostname);
    } catch {
      return '';
    }
  };
  const finish = (r: LoggedRequest, ts: number | undefined) => {
    if (current.get(r.id) === r) current.delete(r.id);
    if (ts !== undefined && startTs !== null) r.durationMs = Math.max(0, Math.round((ts - startTs) * 1000 - r.atMs));
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };

  cdp.on('Network.requestWillBeSent', (p: Params) => {
    const previous = current.get(p.requestId);
    if (previous && p.redirectResponse) {
      previous.status = p.redirectResponse.status ?? null;
      previous.statusText = p.redirectResponse.statusText ?? '';
      previous.responseHeaders = p.redirectResponse.headers ?? {};
      finish(previous, p.timestamp);
    }
    if (startTs === null) startTs = p.timestamp;
    const initiator = p.initiator ?? {};
    const frames = initiator.stack?.callFrames ?? [];
    const r: LoggedRequest = {
      id: p.requestId,
      url: String(p.request?.url ?? ''),
      method: String(p.request?.method ?? 'GET'),
      type: String(p.type ?? 'Other'),
      initiator: String(initiator.type ?? 'other'),
      initiatorUrl: initiator.url ?? frames.find((f: Params) => f.url)?.url ?? null,
      thirdParty: sitesOf(String(p.request?.url ?? '')) !== sitesOf(pageUrl()),
      phase,
      atMs: Math.max(0, Math.round((p.timestamp - (startTs ?? p.timestamp)) * 1000)),
      status: null,
      blocked: blocked.get(p.requestId) ?? null,
      failed: null,
      startedDateTime: new Date((p.wallTime ?? Date.now() / 1000) * 1000).toISOString(),
      requestHeaders: p.request?.headers ?? {},
      responseHeaders: {},
      mimeType: null,
      statusText: '',
      encodedBytes: 0,
      durationMs: 0,
      body: null,
    };
    requests.push(r);
    current.set(p.requestId, r);
    inFlight++;
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (p: Params) => {
    const r = current.get(p.requestId);
    if (!r) return;
    r.status = p.response?.status ?? null;
    r.statusText = p.response?.statusText ?? '';
    r.responseHeaders = p.response?.headers ?? {};
    r.mimeType = p.response?.mimeType ?? null;
  });
  cdp.on('Network.loadingFinished', (p: Params) => {
    const r = current.get(p.requestId);
    if (!r) return;
    r.encodedBytes = p.encodedDataLength ?? 0;
    finish(r, p.timestamp);
    if (bodyBudget > 0 && r.mimeType && TEXTUAL.test(r.mimeType) && r.encodedBytes <= 4 * MAX_BODY_BYTES) {
      bodies.push(
        cdp.send<{ body: string; base64Encoded: boolean }>('Network.getResponseBody', { requestId: p.requestId }).then(
          ({ body, base64Encoded }) => {
            const cut = Math.min(MAX_BODY_BYTES, bodyBudget);
            bodyBudget -= Math.min(body.length, cut);
            r.body = { text: body.slice(0, cut), base64: base64Encoded, truncated: body.length > cut };
          },
          () => undefined,
        ),
      );
    }
  });
  cdp.on('Network.loadingFailed', (p: Params) => {
    const r = current.get(p.requestId);
    if (!r) return;
    r.blocked = blocked.get(p.requestId) ?? r.blocked;
    r.failed = r.blocked ? null : String(p.errorText ?? p.blockedReason ?? 'failed');
    finish(r, p.timestamp);
  });

  return {
    requests,
    /** Requests from now on belong to the time after the click. */
    clicked() {
      phase = 'after';
    },
    markBlocked(networkId: string, reason: NonNullable<VisitRequest['blocked']>) {
      blocked.set(networkId, reason);
      const r = current.get(networkId);
      if (r) r.blocked = reason;
    },
    /** No request has started or ended for `quietMs`. */
    quiet(quietMs: number) {
      return inFlight === 0 ? Date.now() - lastActivity >= quietMs : Date.now() - lastActivity >= quietMs * 4;
    },
    bodies: () => Promise.all(bodies),
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
