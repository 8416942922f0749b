import { MAX_HEADER_BYTES } from './options';
import { UnsafeAddressError } from './redirect-guard';
import type { NetError, NetErrorCode } from './types';

const CODE_BY_ERRNO: Record<string, NetErrorCode> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
};

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
  }
}

export class AbortedError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function toNetError(err: unknown): NetError {
  if (err instanceof DeadlineError) return { code: 'timeout', message: err.message };
  if (err instanceof AbortedError) return { code: 'aborted', message: err.message };
  if (err instanceof UnsafeAddressError) return { code: 'unsafe-redirect', message: err.message };
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = e?.message ? String(e.message) : String(err);
  if (CODE_BY_ERRNO[code]) return { code: CODE_BY_ERRNO[code]!, message: `${code}: ${message}` };
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS|alert/i.test(message)) {
    return { code: 'tls', message };
  }
  if (code === 'HPE_HEADER_OVERFLOW') return { code: 'oversized', message: `oversized response headers (over ${MAX_HEADER_BYTES / 1024} KiB): ${message}` };
  if (code.startsWith('HPE_') || code === 'ERR_INVALID_URL' || code.startsWith('ERR_HTTP')) {
    return { code: code === 'ERR_INVALID_URL' ? 'invalid-url' : 'protocol', message: `${code}: ${message}` };
  }
  return { code: 'protocol', message: code ? `${code}: ${message}` : message };
}
