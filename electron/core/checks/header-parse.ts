// Small parsers for the single-value security headers, shared by the header checks and the header score.
import type { Exchange, HttpResponseRecord, NetError } from '../net/types';
import { headerValues } from '../net/types';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { isHtmlResponse, scanHtml } from './csp-parse';

export type FinalExchange = Exchange & { response: HttpResponseRecord };

/** The response the headers are judged on, or why there is none. */
export function finalOf(
  probe: ProbeResult<ObservationMap['https-main']>,
): { ok: true; final: FinalExchange; exchanges: Exchange[] } | { ok: false; error: NetError } {
  if (!probe.ok) return { ok: false, error: probe.error };
  const final = probe.data.exchanges.at(-1);
  if (!final) return { ok: false, error: { code: 'protocol', message: 'no https exchange' } };
  if (!final.response) return { ok: false, error: final.error ?? { code: 'protocol', message: 'no response' } };
  return { ok: true, final: final as FinalExchange, exchanges: probe.data.exchanges };
}

// ---- X-Frame-Options (HTML §7.1.1: comma-separated, case-insensitive, duplicates collapse)

export type XfoState = 'missing' | 'ok' | 'allow-from' | 'invalid';

export function classifyXfo(headers: readonly [string, string][]): { state: XfoState; value: string } {
  const values = headerValues(headers, 'x-frame-options');
  const value = values.join(', ');
  if (!values.length) return { state: 'missing', value };
  const tokens = new Set(value.split(',').map((t) => t.trim().toLowerCase()));
  if (tokens.size === 1 && (tokens.has('deny') || tokens.has('sameorigin'))) return { state: 'ok', value };
  if ([...tokens].some((t) => t.startsWith('allow-from'))) return { state: 'allow-from', value };
  return { state: 'invalid', value };
}

// ---- X-Content-Type-Options (Fetch: the first value, case-insensitive)

export function classifyXcto(headers: readonly [string, string][]): { state: 'missing' | 'nosniff' | 'invalid'; value: string } {
  const values = headerValues(headers, 'x-content-type-options');
  const value = values.join(', ');
  if (!values.length) return { state: 'missing', value };
  return { state: value.split(',')[0]!.trim().toLowerCase() === 'nosniff' ? 'nosniff' : 'invalid', value };
}

// ---- Referrer-Policy

export const REFERRER_PRIVATE = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
export const REFERRER_ORIGIN = ['origin', 'origin-when-cross-origin'];
export const REFERRER_UNSAFE = ['unsafe-url', 'no-referrer-when-downgrade'];
const REFERRER_KNOWN = new Set([...REFERRER_PRIVATE, ...REFERRER_ORIGIN, ...REFERRER_UNSAFE]);
/** Legacy keywords a <meta name="referrer"> still accepts (HTML §4.2.5.4). */
const META_LEGACY: Record<string, string> = {
  never: 'no-referrer',
  default: 'strict-origin-when-cross-origin',
  always: 'unsafe-url',
  'origin-when-crossorigin': 'origin-when-cross-origin',
};

export interface ReferrerState {
  /** The effective policy, null when nothing recognisable is set. */
  policy: string | null;
  /** Everything that was set (header values, then meta), or null when neither is present. */
  value: string | null;
  from: 'header' | 'meta' | null;
}

/**
 * The last recognised token of the header values wins (W3C Referrer Policy §8.1); a <meta name="referrer">,
 * processed later by the document, overrides it.
 */
export function effectiveReferrer(final: FinalExchange): ReferrerState {
  const headerTokens = headerValues(final.response.headers, 'referrer-policy').flatMap((v) => v.split(','));
  const metas = isHtmlResponse(final.response.headers) ? scanHtml(final.body).referrerMeta : [];
  const metaPolicies = metas.map((m) => {
    const t = m.trim().toLowerCase();
    return META_LEGACY[t] ?? t;
  });
  const metaPolicy = metaPolicies.filter((m) => REFERRER_KNOWN.has(m)).at(-1) ?? null;
  const headerPolicy = headerTokens.map((t) => t.trim().toLowerCase()).filter((t) => REFERRER_KNOWN.has(t)).at(-1) ?? null;
  const present = headerTokens.length > 0 || metas.length > 0;
  const value = present ? [...headerValues(final.response.headers, 'referrer-policy'), ...metas].join(', ') : null;
  if (metaPolicy) return { policy: metaPolicy, value, from: 'meta' };
  return { policy: headerPolicy, value, from: headerPolicy ? 'header' : null };
}

// ---- RFC 8941 structured-field dictionary (enough for Permissions-Policy)

export type SfBareItem = string | number | boolean | { token: string } | { bytes: string };
export interface SfItem {
  value: SfBareItem | SfItem[];
  params: Map<string, SfBareItem>;
}

class SfError extends Error {}

/** Parses a dictionary; null when the field is malformed (RFC 8941 §4.2: then the whole field is ignored). */
export function parseSfDictionary(input: string): Map<string, SfItem> | null {
  let pos = 0;
  const s = input;
  const peek = () => s[pos] ?? '';
  const skip = (re: RegExp) => {
    while (pos < s.length && re.test(s[pos]!)) pos++;
  };
  const fail = (): never => {
    throw new SfError();
  };
  const key = (): string => {
    if (!/[a-z*]/.test(peek())) fail();
    const start = pos;
    skip(/[a-z0-9_\-.*]/);
    return s.slice(start, pos);
  };
  const bare = (): SfBareItem => {
    const c = peek();
    if (c === '"') {
      let out = '';
      for (pos++; pos < s.length; pos++) {
        const ch = s[pos]!;
        if (ch === '\\') {
          const next = s[++pos];
          if (next !== '"' && next !== '\\') fail();
          out += next;
        } else if (ch === '"') {
          pos++;
          return out;
        } else if (ch < ' ' || ch > '~') fail();
        else out += ch;
      }
      return fail();
    }
    if (c === '?') {
      pos++;
      const b = s[pos++];
      return b === '1' ? true : b === '0' ? false : fail();
    }
    if (c === ':') {
      const end = s.indexOf(':', pos + 1);
      if (end === -1 || !/^[A-Za-z0-9+/=]*$/.test(s.slice(pos + 1, end))) fail();
      const bytes = s.slice(pos + 1, end);
      pos = end + 1;
      return { bytes };
    }
    const num = /^-?\d{1,15}(\.\d{1,3})?/.exec(s.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    if (/[A-Za-z*]/.test(c)) {
      const start = pos;
      skip(/[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/);
      return { token: s.slice(start, pos) };
    }
    return fail();
  };
  const params = (): Map<string, SfBareItem> => {
    const out = new Map<string, SfBareItem>();
    while (peek() === ';') {
      pos++;
      skip(/ /);
      const k = key();
      let v: SfBareItem = true;
      if (peek() === '=') {
        pos++;
        v = bare();
      }
      out.set(k, v);
    }
    return out;
  };
  const itemOrList = (): SfItem => {
    if (peek() !== '(') return { value: bare(), params: params() };
    pos++;
    const items: SfItem[] = [];
    for (;;) {
      skip(/ /);
      if (peek() === ')') {
        pos++;
        return { value: items, params: params() };
      }
      items.push({ value: bare(), params: params() });
      if (peek() !== ' ' && peek() !== ')') fail();
    }
  };
  try {
    const dict = new Map<string, SfItem>();
    skip(/ /);
    while (pos < s.length) {
      const k = key();
      if (peek() === '=') {
        pos++;
        dict.set(k, itemOrList());
      } else {
        dict.set(k, { value: true, params: params() });
      }
      skip(/[ \t]/);
      if (pos >= s.length) break;
      if (s[pos++] !== ',') fail();
      skip(/[ \t]/);
      if (pos >= s.length) fail();
    }
    return dict;
  } catch (e) {
    if (e instanceof SfError) return null;
    throw e;
  }
}
