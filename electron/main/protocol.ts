// The app:// protocol: the renderer is served from dist/renderer/ (never file://), with a strict CSP.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppPath } from './protocol-path';

/** Must run before the app's 'ready' event (Electron only accepts privileged schemes then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function refuse(status: 403 | 404): Response {
  return new Response(status === 403 ? 'Forbidden' : 'Not found', {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * Serve files from `rendererRoot` (absolute path of dist/renderer) on app://pruefstand/… after 'ready'.
 * fs.readFile (patched by Electron for asar) is used instead of net.fetch(file://), so the app needs no
 * file:// privileges at all (fuse grantFileProtocolExtraPrivileges is off).
 */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return refuse(403);
    const file = resolveAppPath(rendererRoot, request.url);
    if (file === null) return refuse(403);
    const mime = mimeTypeFor(file);
    if (mime === undefined) return refuse(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': mime,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
