import { describe, expect, it } from 'vitest';
import { analyzeCsp } from '../../../electron/core/checks/csp-analyze';
import { parseCspHeaders, parseCspMeta, parseCspPolicy, scanHtml, splitCspHeaderValues } from '../../../electron/core/checks/csp-parse';
import type { HttpResponseRecord } from '../../../electron/core/net/types';
import { exchange } from './exchange-fixture';

const analyze = (csp: string | string[], body = '', url?: string) => {
  const e = exchange({ url, headers: { 'Content-Security-Policy': csp, 'Content-Type': 'text/html' }, body });
  return analyzeCsp(e as typeof e & { response: HttpResponseRecord });
};

describe('CSP header parsing', () => {
  it('splits several header fields and comma-separated policies', () => {
    expect(splitCspHeaderValues(["default-src 'self'", "script-src 'none', img-src *"])).toEqual([
      "default-src 'self'",
      "script-src 'none'",
      'img-src *',
    ]);
    expect(parseCspHeaders(["default-src 'self'", "script-src 'none'"])).toHaveLength(2);
  });

  it('lower-cases directives and sources and keeps the first of duplicated directives', () => {
    const p = parseCspPolicy("Default-Src 'SELF' HTTPS://CDN.Example.com; SCRIPT-SRC 'self'; script-src *", 'header');
    expect(p.directives.get('default-src')).toEqual(["'self'", 'https://cdn.example.com']);
    expect(p.directives.get('script-src')).toEqual(["'self'"]);
    expect(p.duplicates).toEqual(['script-src']);
    expect(p.problems).toEqual(['duplicate directive: script-src']);
  });

  it('allows duplicate report-uri, treats an empty source list as none, flags malformed names', () => {
    const p = parseCspPolicy("object-src; report-uri /a; report-uri /b; default-src: 'self'", 'header');
    expect(p.directives.get('object-src')).toEqual(["'none'"]);
    expect(p.duplicates).toEqual(['report-uri']);
    expect(p.problems).toEqual(['invalid directive name: default-src:']);
    expect(p.directives.has('default-src:')).toBe(false);
  });

  it('rejects policies too short to mean anything', () => {
    expect(parseCspPolicy('', 'header').problems).toEqual(['empty policy']);
    expect(parseCspPolicy('a b', 'header').problems[0]).toMatch(/too short/);
  });

  it('drops frame-ancestors, report-uri and sandbox from meta policies', () => {
    const [p] = parseCspMeta(["default-src 'self'; frame-ancestors 'none'; sandbox; report-uri /r"]);
    expect([...p!.directives.keys()]).toEqual(['default-src']);
    expect(p!.origin).toBe('meta');
  });
});

describe('HTML scan', () => {
  it('reads CSP and referrer meta tags from attributes only', () => {
    const html = `<!doctype html><html><head>
      <META HTTP-EQUIV="Content-Security-Policy" CONTENT="default-src &#39;self&#39;">
      <meta name="referrer" content="no-referrer">
      <script>document.write('<meta http-equiv="Content-Security-Policy" content="script-src *">')</script>
      </head><body><meta http-equiv="content-security-policy" content="img-src *">
      <script src="/a.js" integrity="sha384-x"></script></body></html>`;
    const scan = scanHtml(Buffer.from(html));
    expect(scan.cspMeta).toEqual(["default-src 'self'"]);
    expect(scan.referrerMeta).toEqual(['no-referrer']);
    expect(scan.scripts).toEqual([
      { src: null, integrity: null },
      { src: '/a.js', integrity: 'sha384-x' },
    ]);
  });
});

describe('CSP analysis (Observatory semantics)', () => {
  it('ignores unsafe-inline when a nonce or hash is present', () => {
    const a = analyze("default-src 'none'; script-src 'self' 'nonce-abc' 'unsafe-inline'");
    expect(a.unsafeInline).toBeNull();
    expect(a.expectation).toBe('csp-implemented-with-no-unsafe-default-src-none');
  });

  it('flags unsafe-inline without nonce, naming the supplying directive', () => {
    const a = analyze("default-src 'self' 'unsafe-inline'; object-src 'none'");
    expect(a.unsafeInline).toEqual({ directive: 'default-src', sources: ["'unsafe-inline'"], unset: false });
    expect(a.expectation).toBe('csp-implemented-with-unsafe-inline');
  });

  it("with 'strict-dynamic' and a nonce, allow-lists and 'self' are ignored", () => {
    const a = analyze("object-src 'none'; script-src 'strict-dynamic' 'nonce-r4nd' https: http: 'unsafe-inline' 'self'");
    expect(a.broad).toEqual([]);
    expect(a.insecureActive).toEqual([]);
    expect(a.unsafeInline).toBeNull();
  });

  it("'strict-dynamic' without a nonce or hash is invalid", () => {
    const a = analyze("object-src 'none'; script-src 'strict-dynamic' 'self'");
    expect(a.invalid[0]!.problems).toEqual(["'strict-dynamic' without a nonce or hash"]);
    expect(a.expectation).toBe('csp-header-invalid');
  });

  it('flags unrestricted script-src/object-src as broad', () => {
    const a = analyze("img-src 'self'");
    expect(a.broad.map((b) => [b.directive, b.unset])).toEqual([
      ['script-src', true],
      ['object-src', true],
    ]);
  });

  it('a weakness survives only if every policy allows it', () => {
    // The second policy forbids inline scripts, so the first one's 'unsafe-inline' has no effect.
    const strict = analyze(["default-src 'self' 'unsafe-inline'", "script-src 'self'; object-src 'none'"]);
    expect(strict.unsafeInline).toBeNull();
    // A policy that does not restrict scripts at all does not help.
    const open = analyze(["default-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"]);
    expect(open.unsafeInline?.sources).toEqual(["'unsafe-inline'"]);
  });

  it('separates active and passive insecure sources on https', () => {
    const a = analyze("default-src 'self'; img-src http://img.example.com; connect-src http://api.example.com");
    expect(a.insecureActive).toEqual(['http://api.example.com']);
    expect(a.insecurePassive).toEqual(['http://img.example.com']);
    const plain = analyze("default-src 'self' http://x.example.com", '', 'http://mautic.example.org/');
    expect(plain.insecureActive).toEqual([]);
  });

  it('uses the meta policy when there is no header, but frame-ancestors only from headers', () => {
    const e = exchange({
      headers: { 'Content-Type': 'text/html' },
      body: `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-ancestors 'none'"></head>`,
    });
    const a = analyzeCsp(e as typeof e & { response: HttpResponseRecord });
    expect(a.implemented).toBe(true);
    expect(a.defaultNone).toBe(true);
    expect(a.frameAncestors).toBeNull();
  });
});
