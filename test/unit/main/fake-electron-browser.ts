// Recording stand-ins for the parts of the 'electron' module that main/consent-browser.ts and main/window.ts use:
// BrowserWindow with its webContents and debugger, session.fromPartition, app. The real module cannot load here
// (no Electron binary); consent-browser.test.ts installs these with vi.mock.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeDebugger extends EventEmitter {
  attachedWith: string | null = null;
  detachThrows = false;
  readonly commands: { method: string; params: unknown }[] = [];
  attach(version: string): void {
    if (this.attachedWith !== null) throw new Error('Debugger is already attached');
    this.attachedWith = version;
  }
  isAttached(): boolean {
    return this.attachedWith !== null;
  }
  detach(): void {
    if (this.detachThrows) throw new Error('No target available');
    this.attachedWith = null;
  }
  async sendCommand(method: string, params?: unknown): Promise<unknown> {
    if (this.attachedWith === null) throw new Error('Debugger not attached');
    this.commands.push({ method, params });
    return { echoed: method };
  }
}

let nextId = 100;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly debugger = new FakeDebugger();
  readonly inputEvents: Record<string, unknown>[] = [];
  readonly loaded: string[] = [];
  windowOpenHandler: Handler | null = null;
  audioMuted = false;
  crashed = 0;
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setAudioMuted(muted: boolean): void {
    this.audioMuted = muted;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  sendInputEvent(event: Record<string, unknown>): void {
    this.inputEvents.push(event);
  }
  forcefullyCrashRenderer(): void {
    this.crashed++;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  spellChecker = true;
  storageCleared = 0;
  cacheCleared = 0;
  /** Whatever registers a protocol handler on this session lands here (it must stay empty). */
  readonly protocolCalls: string[] = [];
  readonly protocol = {
    handle: (scheme: string) => this.protocolCalls.push(`handle ${scheme}`),
    registerFileProtocol: (scheme: string) => this.protocolCalls.push(`file ${scheme}`),
    registerBufferProtocol: (scheme: string) => this.protocolCalls.push(`buffer ${scheme}`),
  };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler | null): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  async clearStorageData(): Promise<void> {
    this.storageCleared++;
  }
  async clearCache(): Promise<void> {
    this.cacheCleared++;
  }
}

export function makeFakeElectronBrowser() {
  const windows: FakeBrowserWindow[] = [];
  const sessions = new Map<string, FakeSession>();
  const state = { hangOnDestroy: false };

  class FakeBrowserWindow {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
      // A hung renderer: the contents do not go until the renderer is killed.
      if (state.hangOnDestroy) return;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
  }

  const session = {
    defaultSession: new FakeSession(''),
    fromPartition(partition: string): FakeSession {
      let found = sessions.get(partition);
      if (found === undefined) sessions.set(partition, (found = new FakeSession(partition)));
      return found;
    },
  };
  const app = { isReady: () => true, whenReady: async () => undefined };

  return { app, session, BrowserWindow: FakeBrowserWindow, windows, sessions, state };
}

export type FakeElectronBrowser = ReturnType<typeof makeFakeElectronBrowser>;
