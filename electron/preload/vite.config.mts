// Bundles the preload into ONE CommonJS file, dist/electron/preload/index.js (main/window.ts points there).
// A sandboxed preload can only require('electron'), so ../shared and zod are inlined and 'electron' stays
// external. tsconfig.build.json leaves this folder out, so tsc never writes a second, unbundled index.js.
// This is build configuration, not preload code: the preload's import boundary does not apply to it.
// eslint-disable-next-line no-restricted-imports
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: '../../dist/electron/preload',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'index.ts',
      formats: ['cjs'],
      fileName: () => 'index.js',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
