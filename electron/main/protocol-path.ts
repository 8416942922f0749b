// Pure helpers for the app:// protocol: map a request URL to a file inside the built renderer folder.
// No electron import, so it is unit-tested in plain Node (test/unit/main/protocol-path.test.ts)
// and can be reused by the loopback bridge that serves the renderer in e2e tests.
import path from 'node:path';
import { isInside } from '../core/path-inside';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pruefstand';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Sent with every response of the app's own pages (ARCHITECTURE.md, "Electron security settings"). blob: images
 * only: the consent visits' screenshots, PNG bytes checked by the service, never an address the site chose.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Only these file types are served; anything else is a 404. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string | undefined {
  return MIME_TYPES[path.extname(filePath).toLowerCase()];
}

export { isInside } from '../core/path-inside';

/**
 * Resolve an app:// request URL to an absolute file path inside `root`, or null when the request must be
 * refused: other scheme or host, undecodable or suspicious paths (`..`, `.`, empty segments, backslashes,
 * colons, NUL), or anything that would land outside `root`. `root` must be absolute.
 */
export function resolveAppPath(root: string, requestUrl: string, pathApi: path.PlatformPath = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || /[\\:\0]/.test(decoded)) return null;

  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const target = pathApi.resolve(root, ...segments);
  return isInside(root, target, pathApi) ? target : null;
}
