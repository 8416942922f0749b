import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtChecklistCodeDir, compiledDir, defaultChecklistDir, looksLikePath } from './paths';
import type { Checklist } from './schema';

/**
 * The shipped checklists, already parsed and validated by `npm run build` (compile.ts), as JSON in
 * `dist/checklists/<id>.json`. Parsing 170 KB of YAML and validating it costs a CLI run about half a second;
 * reading this costs milliseconds and loads neither yaml nor zod.
 *
 * A compiled file is used only when it was made from exactly this YAML (SHA-256 of its text) by exactly this
 * checklist code (SHA-256 of the schema and loader files beside this one). Anything else — an edited YAML, a
 * changed schema, sources run under vitest, no build — falls back to parsing, with the same result.
 */
export const COMPILED_FORMAT = 1;

export interface CompiledChecklist {
  format: typeof COMPILED_FORMAT;
  sourceSha256: string;
  codeSha256: string;
  checklist: Checklist;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Where the schema, loader and issue mapping live: beside this file when it runs from source (vitest); in
 * dist/electron/core/checklist when built, also when this code runs from the bundled CLI (cli-bundle.mjs).
 */
function checklistCodeFiles(): string[] {
  const fromSource = path.extname(__filename) === '.ts';
  const dir = fromSource ? __dirname : builtChecklistCodeDir();
  return ['schema', 'load', 'errors'].map((f) => path.join(dir, f + (fromSource ? '.ts' : '.js')));
}

let code: string | null = null;
/** The checklist code that decides what a YAML file parses to: the schema, loader and issue mapping. */
export function checklistCodeSha256(): string {
  code ??= sha256(checklistCodeFiles().map((file) => readFileSync(file, 'utf8')).join('\0'));
  return code;
}

export function sourceSha256(source: string): string {
  return sha256(source);
}

/** The compiled form of the shipped checklist `id`, given the text of its YAML file, when it is current; else null. */
export function compiledChecklist(id: string, source: string): Checklist | null {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) return null;
  let compiled: CompiledChecklist;
  try {
    compiled = JSON.parse(readFileSync(path.join(compiledDir(), `${id}.json`), 'utf8')) as CompiledChecklist;
  } catch {
    return null;
  }
  if (compiled.format !== COMPILED_FORMAT || compiled.sourceSha256 !== sourceSha256(source) || compiled.codeSha256 !== checklistCodeSha256()) return null;
  return compiled.checklist?.id === id ? compiled.checklist : null;
}

/**
 * The shipped checklist `id` from its compiled form, without loading yaml or zod; null when there is none that
 * is current, or `idOrPath` is a path, or the YAML cannot be read (loadChecklist then parses, or says what is wrong).
 */
export function loadCompiledChecklist(idOrPath: string): Checklist | null {
  if (looksLikePath(idOrPath)) return null;
  let source: string;
  try {
    source = readFileSync(path.join(defaultChecklistDir(), `${idOrPath}.yaml`), 'utf8');
  } catch {
    return null;
  }
  return compiledChecklist(idOrPath, source);
}
