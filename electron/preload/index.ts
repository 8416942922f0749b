// Preload (sandboxed, context-isolated): the only bridge between the renderer and the main process.
// Issue 3 adds one function per contract channel of ../shared/contract here (each calling
// ipcRenderer.invoke with that channel's name). Never expose ipcRenderer itself, nor any generic
// "send/invoke any channel" function. Note: a sandboxed preload can only require('electron') and a few
// builtins, so once this file imports ../shared at runtime it must be bundled into one file.
import { contextBridge } from 'electron';

const api = Object.freeze({});

export type PruefstandApi = typeof api;

contextBridge.exposeInMainWorld('pruefstand', api);
