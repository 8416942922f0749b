// Set-Cookie parsing per RFC 6265 §5.2 (with the RFC 6265bis nameless-cookie rule) and the collection of every
// cookie a chain of exchanges set.
import { headerValues, type Exchange } from '../net/types';

export interface SetCookie {
  name: string;
  value: string;
  secure: boolean;
  httpOnly: boolean;
  /** The SameSite attribute's value as sent (last one wins); '' when present without a value; null when absent. */
  sameSite: string | null;
  /** Max-Age in seconds when it is a valid integer. */
  maxAge: number | null;
  /** Expires as epoch milliseconds when it parses as a date. */
  expires: number | null;
  domain: string | null;
  path: string | null;
}

/**
 * Splits a Set-Cookie value that holds several cookies folded with commas. A comma only starts a new cookie when
 * a `name=` follows it, so the comma inside `Expires=Wed, 21 Oct 2026 …` stays.
 */
export function splitSetCookieValue(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = value.indexOf(','); i !== -1; i = value.indexOf(',', i + 1)) {
    if (/^\s*[^\s=;,]+\s*=/.test(value.slice(i + 1))) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseSetCookie(line: string): SetCookie | null {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const name = eq === -1 ? '' : pair.slice(0, eq).trim();
  const value = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
  if (!name && !value) return null;
  const cookie: SetCookie = { name, value, secure: false, httpOnly: false, sameSite: null, maxAge: null, expires: null, domain: null, path: null };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at === -1 ? '' : attribute.slice(at + 1).trim();
    switch (key) {
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite':
        cookie.sameSite = val;
        break;
      case 'max-age':
        if (/^-?\d+$/.test(val)) cookie.maxAge = Number(val);
        break;
      case 'expires': {
        const t = Date.parse(val);
        if (!Number.isNaN(t)) cookie.expires = t;
        break;
      }
      case 'domain':
        cookie.domain = val;
        break;
      case 'path':
        cookie.path = val;
        break;
    }
  }
  return cookie;
}

/** A cookie that deletes itself (Max-Age ≤ 0 or an Expires in the past) is a removal, not a stored cookie. */
export function isRemoval(cookie: SetCookie, at: number): boolean {
  if (cookie.maxAge !== null) return cookie.maxAge <= 0;
  return cookie.expires !== null && cookie.expires <= at;
}

export interface ObservedCookie extends SetCookie {
  /** The URL whose response set it. */
  url: string;
  /** Set in a response over plain HTTP: its value crossed the network unencrypted. */
  overHttp: boolean;
  evidence: string;
}

/** Every cookie the responses of the exchanges set, removals left out. */
export function collectCookies(exchanges: readonly Exchange[]): ObservedCookie[] {
  const cookies: ObservedCookie[] = [];
  for (const exchange of exchanges) {
    if (!exchange.response) continue;
    const at = Date.parse(exchange.startedAt);
    const overHttp = exchange.request.url.toLowerCase().startsWith('http:');
    for (const line of headerValues(exchange.response.headers, 'set-cookie').flatMap(splitSetCookieValue)) {
      const cookie = parseSetCookie(line);
      if (!cookie || isRemoval(cookie, Number.isNaN(at) ? 0 : at)) continue;
      cookies.push({ ...cookie, url: exchange.request.url, overHttp, evidence: exchange.evidence });
    }
  }
  return cookies;
}

/** Mautic's tracking cookies: mtc.js reads them, so HttpOnly cannot be expected of them. */
const TRACKING_COOKIES = new Set(['mtc_id', 'mtc_sid', 'mautic_device_id', 'mautic_session_id', 'mautic_referer_id']);

/**
 * Session or login cookies, which must be HttpOnly. Mautic (Symfony) names its session cookie after a hash of the
 * secret, hence the hexadecimal names.
 */
export function isSessionCookieName(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_COOKIES.has(lower)) return false;
  return /sess|login|sid|auth|token/.test(lower) || /^[0-9a-f]{32,}$/.test(lower);
}

const SAMESITE_VALUES = new Set(['strict', 'lax', 'none']);

/** SameSite present but not Strict/Lax/None, or None without Secure (browsers reject or downgrade those). */
export function hasInvalidSameSite(cookie: SetCookie): boolean {
  if (cookie.sameSite === null) return false;
  const value = cookie.sameSite.toLowerCase();
  return !SAMESITE_VALUES.has(value) || (value === 'none' && !cookie.secure);
}

export const uniqueNames = (cookies: readonly SetCookie[]): string[] => [...new Set(cookies.map((c) => c.name))];
