// Recording stand-ins for the parts of the 'electron' module that main/ipc.ts and the preload use. The real
// module cannot load here (no Electron binary); contract-wiring.test.ts installs these with vi.mock.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

export function makeFakeElectron() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const exposed = new Map<string, unknown>();
  const rendererListeners = new Map<string, Set<Listener>>();
  const listenersOf = (channel: string): Set<Listener> => {
    let set = rendererListeners.get(channel);
    if (set === undefined) rendererListeners.set(channel, (set = new Set()));
    return set;
  };

  const ipcMain = {
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
      // Like Electron: a second handler for a channel is an error.
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, _args?: unknown) => ({ ok: true, value: channel })),
    on: vi.fn((channel: string, listener: Listener) => {
      listenersOf(channel).add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listenersOf(channel).delete(listener);
      return ipcRenderer;
    }),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`'${key}' is already exposed`);
      exposed.set(key, api);
    }),
  };
  class BrowserWindow {
    static getAllWindows(): BrowserWindow[] {
      return [];
    }
  }

  return {
    ipcMain,
    ipcRenderer,
    contextBridge,
    BrowserWindow,
    /** What ipcMain.handle registered, by channel. */
    handlers,
    /** What contextBridge.exposeInMainWorld exposed, by key. */
    exposed,
    /** Delivers a message from main to the renderer's listeners, as Electron would (event first). */
    emit(channel: string, event: unknown, ...args: unknown[]): void {
      for (const listener of [...listenersOf(channel)]) listener(event, ...args);
    },
    listenerCount(channel: string): number {
      return listenersOf(channel).size;
    },
  };
}

export type FakeElectron = ReturnType<typeof makeFakeElectron>;
