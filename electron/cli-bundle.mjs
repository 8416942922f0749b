// Bundles the CLI (run by `npm run build`, after tsc): our own code from electron/cli.ts into dist/electron/cli.js
// plus one chunk per lazily loaded command in dist/electron/cli-chunks/, so a CLI run reads a handful of files
// instead of resolving ~200 modules one by one. npm packages stay external: they load from node_modules as
// before (native better-sqlite3 and ssh2 must; pdfkit and exceljs carry data files found beside their code).
import path from 'node:path';
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
rmSync(path.join(root, 'dist/electron/cli-chunks'), { recursive: true, force: true });
await build({
  cwd: root,
  input: { cli: path.join(root, 'electron/cli.ts') },
  platform: 'node',
  logLevel: 'warn',
  // Our sources import each other as './x.js' (TypeScript's NodeNext style); the files are x.ts.
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  output: { dir: path.join(root, 'dist/electron'), format: 'cjs', chunkFileNames: 'cli-chunks/[name]-[hash].js' },
});
// The package's bin: executable, as npm links it.
chmodSync(path.join(root, 'dist/electron/cli.js'), 0o755);
