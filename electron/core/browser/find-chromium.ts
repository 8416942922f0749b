import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where Chrome, Chromium and Edge install themselves, per platform; the first that exists is used. */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Brave Browser.app/Contents/MacOS/Brave Browser'].flatMap(
      (app) => [path.posix.join('/Applications', app), ...(env.HOME ? [path.posix.join(env.HOME, 'Applications', app)] : [])],
    );
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => path.win32.join(root, app)));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/google/chrome/chrome'];
}

/** The browser to drive: PRUEFSTAND_BROWSER, else the first installed Chrome, Chromium or Edge; null: none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string | null {
  if (env.PRUEFSTAND_BROWSER) return env.PRUEFSTAND_BROWSER;
  return chromiumCandidates(process.platform, env).find((file) => exists(file)) ?? null;
}
