// Preload (sandboxed, context-isolated): the only bridge between the renderer and the main process.
// window.pruefstand has exactly one function per channel of the contract plus onAuditEvent — never
// ipcRenderer itself, nor a generic "invoke any channel". A sandboxed preload can only require('electron'),
// so this file is bundled with ../shared (and zod) into one CommonJS file: vite.config.mts in this folder.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, type AuditEventEnvelope, type Channel, type PruefstandApi } from '../shared/contract';

function invoker(channel: Channel) {
  return (args: unknown) => ipcRenderer.invoke(channel, args);
}

function onAuditEvent(listener: (envelope: AuditEventEnvelope) => void): () => void {
  // The IpcRendererEvent (with its sender) never reaches the page: only the envelope does.
  const forward = (_event: IpcRendererEvent, envelope: AuditEventEnvelope) => listener(envelope);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
}

const api: PruefstandApi = Object.freeze({
  ...(Object.fromEntries(CHANNELS.map((channel) => [channel, invoker(channel)])) as Omit<PruefstandApi, 'onAuditEvent'>),
  onAuditEvent,
});

contextBridge.exposeInMainWorld('pruefstand', api);
