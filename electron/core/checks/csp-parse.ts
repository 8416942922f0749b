// Parsing of Content-Security-Policy values (headers and <meta http-equiv>) and a scan of an HTML body for the
// few tags the header checks need. The body is hostile input: only tag names and attributes are read.
import { Parser } from 'htmlparser2';
import { headerValue } from '../net/types';

export type CspOrigin = 'header' | 'meta';

export interface CspPolicy {
  origin: CspOrigin;
  raw: string;
  /** Directive name (lower-case) → source expressions (lower-case). The first occurrence wins, as in browsers. */
  directives: Map<string, string[]>;
  /** Directives that appeared more than once in this policy. */
  duplicates: string[];
  /** Why the policy is invalid (too short, duplicate directives, malformed names); empty when it is valid. */
  problems: string[];
}

/** The shortest meaningful policy is one short directive with one source ('img-src' less one, as the Observatory). */
const MIN_POLICY_LENGTH = 6;
const DIRECTIVE_NAME = /^[a-z0-9-]+$/;
/** Duplicates of these are harmless (several report endpoints); any other duplicate makes the policy invalid. */
const DUPLICATES_ALLOWED = new Set(['report-uri', 'report-to']);
/** Directives a <meta> policy may not carry (CSP3 §3.3, HTML's http-equiv processing). */
export const META_IGNORED_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

/**
 * Header values → individual policies. Several header fields and comma-separated values are each a policy
 * (commas cannot occur inside a policy, CSP3 §2.2).
 */
export function splitCspHeaderValues(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((p) => p.replace(/[\r\n]/g, '').trim());
}

export function parseCspPolicy(raw: string, origin: CspOrigin): CspPolicy {
  const text = raw.replace(/[\r\n]/g, '').trim();
  const policy: CspPolicy = { origin, raw: text, directives: new Map(), duplicates: [], problems: [] };
  if (text.length < MIN_POLICY_LENGTH) {
    policy.problems.push(text ? `policy too short: ${text}` : 'empty policy');
    return policy;
  }
  for (const part of text.split(';')) {
    const [rawName, ...tokens] = part.trim().split(/[\t\n\f\r ]+/).filter(Boolean);
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (!DIRECTIVE_NAME.test(name)) {
      policy.problems.push(`invalid directive name: ${rawName}`);
      continue;
    }
    if (policy.directives.has(name)) {
      policy.duplicates.push(name);
      if (!DUPLICATES_ALLOWED.has(name)) policy.problems.push(`duplicate directive: ${name}`);
      continue;
    }
    const sources = tokens.map((t) => t.toLowerCase());
    // An empty source list matches nothing, which is what 'none' says.
    policy.directives.set(name, sources.length === 0 && name.endsWith('-src') ? ["'none'"] : sources);
  }
  return policy;
}

export function parseCspHeaders(values: readonly string[]): CspPolicy[] {
  return splitCspHeaderValues(values).map((p) => parseCspPolicy(p, 'header'));
}

/** A <meta> content attribute is one serialized policy; directives only allowed in headers are dropped. */
export function parseCspMeta(contents: readonly string[]): CspPolicy[] {
  return contents.map((content) => {
    const policy = parseCspPolicy(content, 'meta');
    for (const name of META_IGNORED_DIRECTIVES) policy.directives.delete(name);
    return policy;
  });
}

export interface HtmlScript {
  src: string | null;
  integrity: string | null;
}

export interface HtmlScan {
  /** content of <meta http-equiv="Content-Security-Policy"> in the document head. */
  cspMeta: string[];
  /** content of <meta name="referrer">. */
  referrerMeta: string[];
  /** Every other <meta http-equiv> as [lower-cased name, content]. */
  httpEquiv: [string, string][];
  scripts: HtmlScript[];
}

const SCAN_CACHE = new WeakMap<Buffer, HtmlScan>();

/** Reads meta and script tags; never executes, resolves or follows anything. */
export function scanHtml(body: Buffer): HtmlScan {
  const cached = SCAN_CACHE.get(body);
  if (cached) return cached;
  const scan: HtmlScan = { cspMeta: [], referrerMeta: [], httpEquiv: [], scripts: [] };
  let inBody = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'body') inBody = true;
        if (name === 'script') scan.scripts.push({ src: attribs.src ?? null, integrity: attribs.integrity ?? null });
        if (name !== 'meta' || attribs.content === undefined) return;
        const equiv = attribs['http-equiv']?.trim().toLowerCase();
        // A CSP <meta> only takes effect as a child of <head> (HTML §4.2.5.3).
        if (equiv === 'content-security-policy') {
          if (!inBody) scan.cspMeta.push(attribs.content);
        } else if (equiv) {
          scan.httpEquiv.push([equiv, attribs.content]);
        }
        if (attribs.name?.trim().toLowerCase() === 'referrer') scan.referrerMeta.push(attribs.content);
      },
    },
    { decodeEntities: true },
  );
  parser.write(body.toString('utf8'));
  parser.end();
  SCAN_CACHE.set(body, scan);
  return scan;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Whether a response is an HTML document (an absent Content-Type is sniffed as HTML, as browsers may). */
export function isHtmlResponse(headers: readonly [string, string][]): boolean {
  const type = headerValue(headers, 'content-type');
  if (type === null) return true;
  return HTML_TYPES.has(type.split(';')[0]!.trim().toLowerCase());
}
