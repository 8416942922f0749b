import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VendorCatalogue } from '../../shared/vendors';
import { builtChecklistCodeDir, compiledDir, defaultChecklistDir } from './paths';

/**
 * The shipped vendor catalogue (checklists/vendors.yaml) as `npm run build` leaves it: parsed and validated, as
 * JSON in dist/checklists/vendors.json, so that an audit loads neither yaml nor zod. Like compiled.ts: used only
 * when made from exactly this YAML by exactly this schema and loader; anything else falls back to parsing.
 */
export const VENDORS_COMPILED_FORMAT = 1;
export const SHIPPED_VENDORS = 'shipped';

export interface CompiledVendorCatalogue {
  format: typeof VENDORS_COMPILED_FORMAT;
  sourceSha256: string;
  codeSha256: string;
  catalogue: VendorCatalogue;
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

export const shippedVendorsFile = () => path.join(defaultChecklistDir(), 'vendors.yaml');
export const compiledVendorsFile = () => path.join(compiledDir(), 'vendors.json');

let code: string | null = null;
/** The code that decides what the YAML parses to: the vendor schema and loader (and the checklist schema they use). */
export function vendorCodeSha256(): string {
  const fromSource = path.extname(__filename) === '.ts';
  const dir = fromSource ? __dirname : builtChecklistCodeDir();
  const files = ['vendors-schema', 'vendors-load', 'schema'].map((f) => path.join(dir, f + (fromSource ? '.ts' : '.js')));
  code ??= sha256(files.map((file) => readFileSync(file, 'utf8')).join('\0'));
  return code;
}

export const vendorSourceSha256 = (source: string) => sha256(source);

/** The compiled catalogue when it is current for `source` (the text of the shipped YAML); else null. */
export function compiledVendorCatalogue(source: string): VendorCatalogue | null {
  let compiled: CompiledVendorCatalogue;
  try {
    compiled = JSON.parse(readFileSync(compiledVendorsFile(), 'utf8')) as CompiledVendorCatalogue;
    if (compiled.format !== VENDORS_COMPILED_FORMAT || compiled.sourceSha256 !== vendorSourceSha256(source) || compiled.codeSha256 !== vendorCodeSha256()) return null;
  } catch {
    return null;
  }
  return Array.isArray(compiled.catalogue?.vendors) ? compiled.catalogue : null;
}

/**
 * The shipped catalogue from its compiled form, without loading yaml or zod; null when there is none that is
 * current (then `loadVendorCatalogue()` of vendors-load.ts parses it, or says what is wrong).
 */
export function loadShippedVendorCatalogue(): VendorCatalogue | null {
  let source: string;
  try {
    source = readFileSync(shippedVendorsFile(), 'utf8');
  } catch {
    return null;
  }
  return compiledVendorCatalogue(source);
}
