// Proves the wiring of ARCHITECTURE.md rule 2: every contract channel is handled in main (behind the sender
// check) and exposed by the preload, and the preload exposes nothing else. Electron's binary is unavailable,
// so the 'electron' module is replaced by recording fakes; ipc.ts, the preload and the service are real.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppService, type AppService } from '../../../electron/core/service';
import { registerIpc } from '../../../electron/main/ipc';
import { CHANNELS, EVENT_CHANNEL, type AuditEventEnvelope, type Result } from '../../../electron/shared/contract';
import { makeFakeElectron, type FakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ electron: null as FakeElectron | null }));
vi.mock('electron', async () => {
  const { makeFakeElectron: make } = await import('./fake-electron.js');
  fake.electron = make();
  return fake.electron;
});

const repoRoot = path.resolve(__dirname, '../../..');
const PRELOAD_BUNDLE = path.join(repoRoot, 'dist/electron/preload/index.js');
const APP_URL = 'app://pruefstand/index.html';

type Handler = (event: IpcMainInvokeEvent, args?: unknown) => Promise<Result<unknown>> | Result<unknown>;

function electronFake(): FakeElectron {
  if (fake.electron === null) throw new Error('the electron fake was not installed');
  return fake.electron;
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameToken: string;
  processId: number;
}

function makeWindow(url = APP_URL) {
  const mainFrame: FakeFrame = { url, parent: null, frameToken: 'main-token', processId: 7 };
  const webContents = { mainFrame, isDestroyed: () => false, getURL: () => mainFrame.url, send: vi.fn() };
  const window = { webContents, isDestroyed: () => false };
  return { window, webContents, mainFrame, asWindow: window as unknown as BrowserWindow };
}

function eventFrom(sender: unknown, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

describe('main: ipc.ts registers every contract channel behind the sender check', () => {
  let dir: string;
  let real: AppService;
  const listeners = new Set<(envelope: AuditEventEnvelope) => void>();
  let service: AppService;
  let win: ReturnType<typeof makeWindow>;
  let dispose: () => void;

  const handler = (channel: string): Handler => {
    const found = electronFake().handlers.get(channel);
    if (found === undefined) throw new Error(`no handler for ${channel}`);
    return found as Handler;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-ipc-'));
    real = createAppService({ storeFile: path.join(dir, 'pruefstand.db'), locale: 'de-DE' });
    // The real handlers; events are driven by the test instead of a real audit.
    service = {
      handlers: real.handlers,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => real.close(),
    };
  });

  afterAll(async () => {
    await real.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    win = makeWindow();
    dispose = registerIpc(service, () => win.asWindow);
  });

  afterEach(() => dispose()); // idempotent; also runs after a failed test so the next can register again

  it('handles exactly the contract channels', () => {
    expect([...electronFake().handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers a valid call from the app window', async () => {
    const created = await handler('clients:create')(eventFrom(win.webContents, win.mainFrame), { name: 'Muster GmbH' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Muster GmbH' } });
    const listed = await handler('clients:list')(eventFrom(win.webContents, win.mainFrame), {});
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Muster GmbH' }] });
  });

  it('refuses callers that are not the main frame of the app window showing an app page', async () => {
    const foreign: FakeFrame = { ...win.mainFrame, url: 'https://evil.example/' };
    const lookalike: FakeFrame = { ...win.mainFrame, url: 'app://pruefstand.evil.example/index.html' };
    const subframe: FakeFrame = { url: APP_URL, parent: win.mainFrame, frameToken: 'sub', processId: 7 };
    const otherFrame: FakeFrame = { ...win.mainFrame, frameToken: 'other' };
    const otherContents = makeWindow().webContents;
    const cases: IpcMainInvokeEvent[] = [
      eventFrom(win.webContents, foreign),
      eventFrom(win.webContents, lookalike),
      eventFrom(win.webContents, null),
      eventFrom(win.webContents, subframe),
      eventFrom(win.webContents, otherFrame),
      eventFrom(otherContents, otherContents.mainFrame),
    ];
    for (const event of cases) {
      for (const channel of CHANNELS) {
        const result = await handler(channel)(event, {});
        expect(result, `${channel} from ${event.senderFrame?.url ?? 'null frame'}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await handler('clients:list')(eventFrom(win.webContents, foreign), {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'clients:list: only the app’s own pages may call the app' },
    });
  });

  it('refuses every call while there is no window', async () => {
    dispose();
    dispose = registerIpc(service, () => null);
    const result = await handler('clients:list')(eventFrom(win.webContents, win.mainFrame), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers invalid-args for a valid sender with bad arguments', async () => {
    const event = eventFrom(win.webContents, win.mainFrame);
    expect(await handler('clients:create')(event, { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await handler('clients:list')(event, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await handler('runs:get')(event, { runId: 'x', lang: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });

  it('forwards audit events to the app window only, and the disposer undoes everything', () => {
    const envelope: AuditEventEnvelope = { auditId: 'a1', event: { type: 'probe-started', probeId: 'tls' } };
    for (const listener of listeners) listener(envelope);
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, envelope);

    win.mainFrame.url = 'https://evil.example/';
    for (const listener of listeners) listener(envelope);
    expect(win.webContents.send).toHaveBeenCalledTimes(1);

    dispose();
    expect(listeners.size).toBe(0);
    expect(electronFake().handlers.size).toBe(0);
    expect(new Set(electronFake().ipcMain.removeHandler.mock.calls.map(([c]) => c))).toEqual(new Set(CHANNELS));
  });
});

function expectExactApi(fakeElectron: FakeElectron): Record<string, unknown> {
  expect([...fakeElectron.exposed.keys()]).toEqual(['pruefstand']);
  const api = fakeElectron.exposed.get('pruefstand') as Record<string, unknown>;
  expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onAuditEvent'].sort());
  expect(Object.isFrozen(api)).toBe(true);
  for (const value of Object.values(api)) {
    expect(typeof value).toBe('function');
    expect(value).not.toBe(fakeElectron.ipcRenderer);
  }
  return api;
}

async function expectInvokesOwnChannel(fakeElectron: FakeElectron, api: Record<string, unknown>): Promise<void> {
  for (const channel of CHANNELS) {
    fakeElectron.ipcRenderer.invoke.mockClear();
    await (api[channel] as (args: unknown) => Promise<unknown>)({ probe: channel });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: channel });
  }
}

function expectEnvelopeOnly(fakeElectron: FakeElectron, api: Record<string, unknown>): void {
  const received: unknown[][] = [];
  const unsubscribe = (api.onAuditEvent as (l: (...a: unknown[]) => void) => () => void)((...args) => received.push(args));
  const envelope = { auditId: 'a1', event: { type: 'probe-started', probeId: 'tls' } };
  fakeElectron.emit(EVENT_CHANNEL, { sender: 'the IpcRendererEvent' }, envelope);
  expect(received).toEqual([[envelope]]);
  unsubscribe();
  fakeElectron.emit(EVENT_CHANNEL, { sender: 'the IpcRendererEvent' }, envelope);
  expect(received).toHaveLength(1);
  expect(fakeElectron.listenerCount(EVENT_CHANNEL)).toBe(0);
}

describe('preload: exposes one function per contract channel and nothing else', () => {
  it('the source exposes exactly the contract', async () => {
    await import('../../../electron/preload/index.js');
    const api = expectExactApi(electronFake());
    await expectInvokesOwnChannel(electronFake(), api);
    expectEnvelopeOnly(electronFake(), api);
  });

  it('the bundle (dist/electron/preload/index.js, from npm run build) requires only electron and exposes the same', async () => {
    expect(existsSync(PRELOAD_BUNDLE), 'run npm run build first').toBe(true);
    const code = readFileSync(PRELOAD_BUNDLE, 'utf8');
    const literal = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2]);
    const anyCall = code.match(/\brequire\s*\(/g) ?? [];
    expect(new Set(literal)).toEqual(new Set(['electron']));
    expect(anyCall).toHaveLength(literal.length); // no require(variable)
    expect(code).not.toMatch(/\bimport\s*\(/);

    // Run it as a sandboxed preload would: a require that knows only 'electron'.
    const sandboxed = makeFakeElectron();
    const module = { exports: {} };
    const requireOnlyElectron = (name: string) => {
      if (name === 'electron') return sandboxed;
      throw new Error(`a sandboxed preload cannot require('${name}')`);
    };
    vm.runInNewContext(code, { require: requireOnlyElectron, module, exports: module.exports, console });
    const api = expectExactApi(sandboxed);
    await expectInvokesOwnChannel(sandboxed, api);
    expectEnvelopeOnly(sandboxed, api);
  });
});
