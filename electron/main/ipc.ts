// One ipcMain handler per contract channel: check the sender, then dispatch (zod-validated args → core →
// Result). Audit progress from the core is pushed to the window on EVENT_CHANNEL.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type AppService } from '../core/service';
import { CHANNELS, EVENT_CHANNEL, type Result } from '../shared/contract';
import { APP_HOST, APP_SCHEME } from './protocol-path';

/** Every page of the app is served below this prefix (main/protocol.ts); nothing else may call in. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;

function isAppUrl(url: string): boolean {
  return url.startsWith(APP_ORIGIN_PREFIX);
}

function usable(window: BrowserWindow | null): window is BrowserWindow {
  return window !== null && !window.isDestroyed() && !window.webContents.isDestroyed();
}

/**
 * Why a call must be refused, or null when it comes from the main frame of our window showing an app page.
 * A null senderFrame means the frame navigated away or was destroyed while the call was in flight.
 */
export function senderRefusal(event: IpcMainInvokeEvent, window: BrowserWindow | null): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the calling frame is gone';
  if (!isAppUrl(frame.url)) return 'only the app’s own pages may call the app';
  if (!usable(window) || event.sender !== window.webContents) return 'the caller is not the app window';
  const main = window.webContents.mainFrame;
  if (frame.parent !== null || frame.frameToken !== main.frameToken || frame.processId !== main.processId) {
    return 'only the main frame of the app window may call the app';
  }
  return null;
}

/** Registers every channel of the contract; the returned function removes them and stops forwarding events. */
export function registerIpc(service: AppService, getWindow: () => BrowserWindow | null): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown): Promise<Result<unknown>> | Result<never> => {
      const refusal = senderRefusal(event, getWindow());
      if (refusal !== null) return { ok: false, error: { code: 'forbidden', message: `${channel}: ${refusal}` } };
      return dispatch(service.handlers, channel, args);
    });
  }

  const unsubscribe = service.onEvent((envelope) => {
    const window = getWindow();
    // Progress goes only to the app's own page, never to whatever a frame might have navigated to.
    if (usable(window) && isAppUrl(window.webContents.getURL())) window.webContents.send(EVENT_CHANNEL, envelope);
  });

  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
