// The typed client of electron/shared/contract.ts. Inside Electron the preload exposes `window.pruefstand`;
// in a plain browser (e2e tests, `npm run dev:web`) the same API is served by the loopback bridge on the
// page's own origin: POST /api/<channel> with the JSON arguments, and GET /api/events as a text/event-stream.
// Both requests carry the token that the bridge put into the page URL (#token=<hex>).
import {
  CHANNELS,
  auditEventEnvelopeSchema,
  type AuditEventEnvelope,
  type Channel,
  type ErrorCode,
  type PruefstandApi,
  type Result,
} from '../../electron/shared/contract';

declare global {
  interface Window {
    pruefstand?: PruefstandApi;
  }
}

const TOKEN_HEADER = 'x-pruefstand-token';
const TOKEN_STORAGE_KEY = 'pruefstand.bridge-token';
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5000;
const STABLE_STREAM_MS = 10_000;

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the bridge token once from the URL hash and removes it from the address bar (and so from the
 * history). It is kept in sessionStorage (this tab, this origin only) so that a reload still works.
 */
export function takeBridgeToken(): string {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash !== null) {
    params.delete('token');
    const rest = params.toString();
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
    window.history.replaceState(window.history.state, '', url);
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // not kept: a reload will need a fresh URL from the bridge
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** Splits a text/event-stream into the `data:` payloads of its events. */
export function createSseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block
        .split(/\r\n|\n|\r/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) onData(data.join('\n'));
    }
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export function createBridgeApi(token: string, base = ''): PruefstandApi {
  const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: token };

  async function call(channel: Channel, args: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(args ?? {}) });
    } catch (error) {
      return failure('unavailable', messageOf(error));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return failure('unavailable', messageOf(error));
    }
    try {
      const body: unknown = JSON.parse(text);
      if (isResult(body)) return body;
    } catch {
      // not JSON: the bridge refused the call (wrong token, bad request …); described below
    }
    const code: ErrorCode = response.status === 401 || response.status === 403 ? 'forbidden' : 'unavailable';
    return failure(code, `HTTP ${response.status}: ${text.slice(0, 300) || response.statusText}`);
  }

  // One event stream shared by every listener; open while anyone listens, reconnecting after a drop.
  const listeners = new Set<(envelope: AuditEventEnvelope) => void>();
  let controller: AbortController | null = null;

  function deliver(data: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const envelope = auditEventEnvelopeSchema.safeParse(parsed);
    if (!envelope.success) return;
    for (const listener of [...listeners]) {
      try {
        listener(envelope.data);
      } catch (error) {
        console.error('audit event listener failed', error);
      }
    }
  }

  async function stream(signal: AbortSignal) {
    let delay = RECONNECT_MIN_MS;
    while (!signal.aborted) {
      try {
        const response = await fetch(`${base}/api/events`, { headers: { [TOKEN_HEADER]: token, accept: 'text/event-stream' }, signal, cache: 'no-store' });
        if (response.ok && response.body) {
          const openedAt = Date.now();
          const parse = createSseParser(deliver);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            parse(value);
          }
          // A stream that stayed up for a while was healthy: the next attempt starts quickly again.
          if (Date.now() - openedAt > STABLE_STREAM_MS) delay = RECONNECT_MIN_MS;
        } else {
          await response.body?.cancel().catch(() => undefined);
        }
      } catch {
        // dropped or refused: try again below
      }
      if (signal.aborted) break;
      await sleep(delay, signal);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  function onAuditEvent(listener: (envelope: AuditEventEnvelope) => void): () => void {
    listeners.add(listener);
    if (controller === null) {
      controller = new AbortController();
      void stream(controller.signal);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && controller !== null) {
        controller.abort();
        controller = null;
      }
    };
  }

  const api: Record<string, unknown> = { onAuditEvent };
  for (const channel of CHANNELS) api[channel] = (args: unknown) => call(channel, args);
  return api as PruefstandApi;
}

/** The preload's functions, with a rejected IPC call turned into an 'unavailable' Result like on the bridge. */
function wrapPreload(preload: PruefstandApi): PruefstandApi {
  const api: Record<string, unknown> = { onAuditEvent: (listener: (e: AuditEventEnvelope) => void) => preload.onAuditEvent(listener) };
  for (const channel of CHANNELS) {
    const fn = preload[channel] as (args: unknown) => Promise<Result<unknown>>;
    api[channel] = async (args: unknown) => {
      try {
        return await fn(args);
      } catch (error) {
        return failure('unavailable', messageOf(error));
      }
    };
  }
  return api as PruefstandApi;
}

function createApi(): PruefstandApi {
  if (window.pruefstand) return wrapPreload(window.pruefstand);
  return createBridgeApi(takeBridgeToken());
}

/** The one client the views use. */
export const api: PruefstandApi = createApi();
