import path from 'node:path';
import { packageRoot } from '../package-root';

/** The `checklists/` folder next to our package.json, whether running from source or from dist/. */
export function defaultChecklistDir(): string {
  return path.join(packageRoot(), 'checklists');
}

/** Where `npm run build` puts the shipped checklists, parsed and validated (compiled.ts). */
export function compiledDir(): string {
  return path.join(packageRoot(), 'dist', 'checklists');
}

/** Where tsc puts this folder's code; the bundled CLI (electron/cli-bundle.mjs) reads the checklist code from here. */
export function builtChecklistCodeDir(): string {
  return path.join(packageRoot(), 'dist', 'electron', 'core', 'checklist');
}

/** An id such as 'mautic-dsgvo' names `<dir>/<id>.yaml`; anything with a slash or a `.yaml` ending is a path. */
export function looksLikePath(idOrPath: string): boolean {
  return /[\\/]/.test(idOrPath) || /\.ya?ml$/i.test(idOrPath);
}
