// Builds the renderer into dist/renderer/, which main/protocol.ts serves on app://pruefstand/.
// import.meta.dirname is replaced by Vite when it bundles this config (no node builtin import needed).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
});
