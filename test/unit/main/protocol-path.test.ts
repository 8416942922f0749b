import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isInside,
  mimeTypeFor,
  resolveAppPath,
} from '../../../electron/main/protocol-path';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveAppPath', () => {
  it('serves normal files inside the renderer folder', () => {
    expect(resolveAppPath(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pruefstand/assets/index-abc123.js')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolveAppPath(root, 'app://pruefstand/assets/x.css?v=1#top')).toBe(path.join(root, 'assets', 'x.css'));
    expect(resolveAppPath(root, 'app://pruefstand/fonts/Pr%C3%BCf%20stand.woff2')).toBe(
      path.join(root, 'fonts', 'Prüf stand.woff2'),
    );
  });

  it('maps the bare origin to index.html', () => {
    expect(resolveAppPath(root, 'app://pruefstand')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pruefstand/')).toBe(path.join(root, 'index.html'));
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://x/../../etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://pruefstand/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  it('never leaves the root for dot segments (URL parsing already folds them)', () => {
    for (const url of [
      'app://pruefstand/../../etc/passwd',
      'app://pruefstand/%2e%2e/%2e%2e/etc/passwd',
      'app://pruefstand/%2E%2E/%2E%2E/etc/passwd',
      'app://pruefstand/assets/../../../etc/passwd',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || isInside(root, resolved), url).toBe(true);
    }
  });

  it('refuses encoded separators and dot segments that survive URL parsing', () => {
    for (const url of [
      'app://pruefstand/..%2f..%2fetc/passwd',
      'app://pruefstand/..%2F..%2Fetc%2Fpasswd',
      'app://pruefstand/assets%2f..%2f..%2f..%2fetc/passwd',
      'app://pruefstand/..%5c..%5cWindows%5cwin.ini',
      'app://pruefstand/a\\..\\..\\b',
      'app://pruefstand/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://pruefstand/.%2findex.html',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses absolute paths, drive letters, NUL bytes and malformed escapes', () => {
    for (const url of [
      'app://pruefstand//etc/passwd',
      'app://pruefstand/%2Fetc%2Fpasswd',
      'app://pruefstand/C:/Windows/win.ini',
      'app://pruefstand/C%3A%5CWindows',
      'app://pruefstand/index.html%00.png',
      'app://pruefstand/%E0%A4%A',
      'app://pruefstand/assets/',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('works with Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Pruefstand\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://pruefstand/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath(winRoot, 'app://pruefstand/..%5c..%5cx.js', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://pruefstand/..%2f..%2fx.js', path.win32)).toBeNull();
  });
});

describe('isInside', () => {
  it('accepts children only', () => {
    expect(isInside(root, path.join(root, 'a', 'b.js'))).toBe(true);
    expect(isInside(root, path.join(root, '..foo.js'))).toBe(true);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, path.dirname(root))).toBe(false);
    expect(isInside(root, `${root}-evil/x.js`)).toBe(false);
    expect(isInside(root, '/etc/passwd')).toBe(false);
  });
});

describe('mimeTypeFor and CSP', () => {
  it('knows the types Vite emits and refuses the rest', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/INDEX-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('assets')).toBeUndefined();
    expect(mimeTypeFor('a.exe')).toBeUndefined();
  });

  it('is the strict policy of ARCHITECTURE.md', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
      "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('lets images come only from the app and from blob: URLs (the screenshots), never data: or the network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' blob:;");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/data:|https?:|\*/);
  });
});
