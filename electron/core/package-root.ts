import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

/** The folder holding our package.json, found from this file whether it runs from source or from dist/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'pruefstand') return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the pruefstand package.json above ${__dirname}`);
    dir = parent;
  }
}

export const TOOL_NAME = 'pruefstand';

export function engineVersion(): string {
  return JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}
