// Strict-Transport-Security per RFC 6797 §6.1: directives separated by ';', names case-insensitive, values a token
// or a quoted-string, each directive at most once, max-age required. An invalid header is ignored by browsers.

export interface HstsParse {
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  valid: boolean;
  problems: string[];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function unquote(raw: string): string | null {
  if (!raw.startsWith('"')) return TOKEN.test(raw) ? raw : null;
  if (raw.length < 2 || !raw.endsWith('"')) return null;
  let out = '';
  for (let i = 1; i < raw.length - 1; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      i++;
      if (i >= raw.length - 1) return null;
      out += raw[i];
    } else if (ch === '"') {
      return null;
    } else {
      out += ch;
    }
  }
  return out;
}

export function parseHsts(value: string): HstsParse {
  const result: HstsParse = { maxAge: null, includeSubDomains: false, preload: false, valid: false, problems: [] };
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const directive = part.trim();
    if (!directive) continue;
    const eq = directive.indexOf('=');
    const name = (eq === -1 ? directive : directive.slice(0, eq)).trim();
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) {
      result.problems.push(`malformed directive: ${directive}`);
      continue;
    }
    if (seen.has(lower)) {
      result.problems.push(`duplicate directive: ${lower}`);
      continue;
    }
    seen.add(lower);
    const rawValue = eq === -1 ? null : directive.slice(eq + 1).trim();
    const directiveValue = rawValue === null ? null : unquote(rawValue);
    if (rawValue !== null && directiveValue === null) {
      result.problems.push(`malformed value: ${directive}`);
      continue;
    }
    if (lower === 'max-age') {
      if (directiveValue === null || !/^\d+$/.test(directiveValue)) {
        result.problems.push(`max-age is not a number of seconds: ${directive}`);
      } else {
        result.maxAge = Number(directiveValue);
      }
    } else if (lower === 'includesubdomains') {
      result.includeSubDomains = true;
    } else if (lower === 'preload') {
      result.preload = true;
    }
    // Unknown directives are ignored (RFC 6797 §6.1 point 2).
  }
  if (result.maxAge === null && !result.problems.some((p) => p.startsWith('max-age'))) result.problems.push('max-age missing');
  result.valid = result.problems.length === 0;
  return result;
}
