// The app's consent browser (main/consent-browser.ts): each page a hidden, sandboxed window in an in-memory
// partition of its own, sealed (permissions, downloads, pop-ups), driven over webContents.debugger, and closed
// whatever state it is in. Electron's binary is unavailable, so the 'electron' module is a recording stand-in;
// consent-browser.ts and window.ts are real.
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronBrowserLauncher, isConsentContents } from '../../../electron/main/consent-browser';
import { hardenWebContents } from '../../../electron/main/window';
import type { FakeElectronBrowser, FakeWebContents } from './fake-electron-browser';

type FakeWindow = FakeElectronBrowser['windows'][number];

const fake = vi.hoisted(() => ({ electron: null as FakeElectronBrowser | null }));
vi.mock('electron', async () => {
  const { makeFakeElectronBrowser: make } = await import('./fake-electron-browser.js');
  fake.electron = make();
  return fake.electron;
});

function electron(): FakeElectronBrowser {
  if (fake.electron === null) throw new Error('the electron fake was not installed');
  return fake.electron;
}

const VIEWPORT = { width: 1280, height: 900 };

async function openOne(options = {}) {
  const engine = await createElectronBrowserLauncher(options)();
  const page = await engine.newPage(VIEWPORT);
  const window = electron().windows.at(-1)!;
  const prefs = window.options.webPreferences as Record<string, unknown>;
  const ses = electron().sessions.get(prefs.partition as string)!;
  return { engine, page, window, prefs, ses, contents: window.webContents };
}

beforeEach(() => {
  electron().state.hangOnDestroy = false;
});

describe('main: the consent browser (Electron)', () => {
  it('opens each page hidden, sandboxed and isolated, without a preload, in an in-memory partition of its own', async () => {
    const engine = await createElectronBrowserLauncher()();
    await engine.newPage(VIEWPORT);
    await engine.newPage({ width: 800, height: 600 });
    const [a, b] = electron().windows.slice(-2) as [FakeWindow, FakeWindow];
    expect(a.options).toMatchObject({ show: false, width: 1280, height: 900, useContentSize: true });
    expect(b.options).toMatchObject({ width: 800, height: 600 });
    for (const w of [a, b]) {
      const prefs = w.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, javascript: true, images: true, spellcheck: false });
      expect(prefs).not.toHaveProperty('preload');
      expect(prefs).not.toHaveProperty('session');
      expect(prefs.partition).toMatch(/^consent-[0-9a-f-]{36}$/);
      expect(w.webContents.debugger.attachedWith).toBe('1.3');
      expect(w.webContents.audioMuted).toBe(true);
    }
    const partitions = [a, b].map((w) => (w.options.webPreferences as { partition: string }).partition);
    expect(new Set(partitions).size).toBe(2);
    // Never the app's default session, never an app:// handler on a consent session.
    expect(electron().sessions.has('')).toBe(false);
    for (const p of partitions) expect(electron().sessions.get(p)!.protocolCalls).toEqual([]);
    expect(engine.version).toBe(`Electron ${process.versions.electron} (Chromium ${process.versions.chrome})`);
    await engine.close();
  });

  it('denies every permission request and check, devices too, and cancels downloads', async () => {
    const { ses, engine } = await openOne();
    const answers: boolean[] = [];
    ses.permissionRequestHandler!({}, 'geolocation', (granted: boolean) => answers.push(granted));
    ses.permissionRequestHandler!({}, 'notifications', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(ses.permissionCheckHandler!({}, 'clipboard-read', 'https://a.example', {})).toBe(false);
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    expect(ses.spellChecker).toBe(false);

    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    const item = { cancelled: false, cancel() { this.cancelled = true; } };
    ses.emit('will-download', event, item, {});
    expect(event.prevented).toBe(true);
    expect(item.cancelled).toBe(true);
    await engine.close();
  });

  it('denies window.open and reports each one as a pop-up', async () => {
    const { page, contents, engine } = await openOne();
    let popups = 0;
    page.onPopup(() => popups++);
    page.onPopup(() => {
      throw new Error('a handler that breaks');
    });
    expect(contents.windowOpenHandler!({ url: 'https://ads.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://ads.example/2' })).toEqual({ action: 'deny' });
    expect(popups).toBe(2);
    await engine.close();
  });

  it('speaks CDP through webContents.debugger and clicks with real mouse input', async () => {
    const { page, contents, engine } = await openOne();
    expect(await page.cdp.send('Runtime.evaluate', { expression: '1' })).toEqual({ echoed: 'Runtime.evaluate' });
    expect(contents.debugger.commands).toEqual([{ method: 'Runtime.evaluate', params: { expression: '1' } }]);

    const seen: unknown[] = [];
    page.cdp.on('Network.requestWillBeSent', (params) => seen.push(params));
    contents.debugger.emit('message', {}, 'Network.requestWillBeSent', { requestId: '1' });
    contents.debugger.emit('message', {}, 'Network.requestWillBeSent', { requestId: 'child' }, 'session-of-an-iframe');
    contents.debugger.emit('message', {}, 'Page.loadEventFired', {});
    expect(seen).toEqual([{ requestId: '1' }]);

    await page.click(100.4, 200.6);
    expect(contents.inputEvents).toEqual([
      { type: 'mouseMove', x: 100, y: 201 },
      { type: 'mouseDown', x: 100, y: 201, button: 'left', clickCount: 1 },
      { type: 'mouseUp', x: 100, y: 201, button: 'left', clickCount: 1 },
    ]);
    await engine.close();
    await expect(page.cdp.send('Page.navigate', { url: 'https://a.example/' })).rejects.toThrow(/closed/);
  });

  it('leaves navigation to the visit in consent windows, and keeps the app lock on every other one', async () => {
    const { contents, engine } = await openOne();
    const other = electron().windows.at(-1)!.webContents.constructor as new () => FakeWebContents;
    const appContents = new other();
    for (const c of [contents, appContents]) hardenWebContents(c as unknown as WebContents);
    const navigate = (c: FakeWebContents, name: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      c.emit(name, event, 'https://elsewhere.example/');
      return event.prevented;
    };
    expect(isConsentContents(contents as unknown as WebContents)).toBe(true);
    expect(navigate(contents, 'will-navigate')).toBe(false);
    expect(navigate(contents, 'will-redirect')).toBe(false);
    expect(navigate(appContents, 'will-navigate')).toBe(true);
    expect(navigate(appContents, 'will-redirect')).toBe(true);
    await engine.close();
    // Once closed the id is released: the contents would be locked again.
    expect(isConsentContents(contents as unknown as WebContents)).toBe(false);
  });

  it('close() destroys the window and clears the profile even when the debugger detach throws', async () => {
    const { page, window, ses, contents } = await openOne();
    contents.debugger.detachThrows = true;
    await expect(page.close()).resolves.toBeUndefined();
    expect(window.destroyed).toBe(true);
    expect(ses.storageCleared).toBe(1);
    expect(ses.cacheCleared).toBe(1);
    expect(ses.listenerCount('will-download')).toBe(0);
    await expect(page.close()).resolves.toBeUndefined(); // twice is fine, and clears once
    expect(ses.storageCleared).toBe(1);
  });

  it('close() kills a hung renderer whose contents do not go, and still returns', async () => {
    electron().state.hangOnDestroy = true;
    const { page, window, contents } = await openOne({ closeTimeoutMs: 50 });
    const started = Date.now();
    await expect(page.close()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(window.destroyed).toBe(true);
    expect(contents.crashed).toBe(1);
  });

  it('close() of a renderer reported unresponsive kills it first; a gone renderer refuses commands', async () => {
    const { page, contents } = await openOne();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await expect(page.cdp.send('Page.captureScreenshot')).rejects.toThrow(/renderer is gone \(oom\)/);
    await page.close();
    expect(contents.crashed).toBe(0); // already gone: nothing to kill

    const hung = await openOne();
    hung.contents.emit('unresponsive');
    await hung.page.close();
    expect(hung.contents.crashed).toBe(1);
  });

  it('the engine closes the pages still open, and opens no more', async () => {
    const engine = await createElectronBrowserLauncher()();
    await engine.newPage(VIEWPORT);
    await engine.newPage(VIEWPORT);
    const opened = electron().windows.slice(-2);
    await engine.close();
    expect(opened.every((w) => w.destroyed)).toBe(true);
    await expect(engine.newPage(VIEWPORT)).rejects.toThrow(/closed/);
  });
});
