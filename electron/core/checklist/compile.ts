import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checklistCodeSha256, COMPILED_FORMAT, sourceSha256, type CompiledChecklist } from './compiled';
import { listChecklists, parseChecklist } from './load';
import { compiledDir, defaultChecklistDir } from './paths';
import { compiledVendorsFile, shippedVendorsFile, vendorCodeSha256, vendorSourceSha256, VENDORS_COMPILED_FORMAT, SHIPPED_VENDORS, type CompiledVendorCatalogue } from './vendors-compiled';
import { parseVendorCatalogue } from './vendors-load';

/**
 * `npm run build`, after tsc: parses and validates every shipped checklist and writes its compiled form
 * (compiled.ts). A checklist that does not validate fails the build with its ChecklistError.
 */
export function writeCompiledChecklists(): string[] {
  const out = compiledDir();
  mkdirSync(out, { recursive: true });
  return listChecklists().map((id) => {
    const file = path.join(defaultChecklistDir(), `${id}.yaml`);
    const source = readFileSync(file, 'utf8');
    const compiled: CompiledChecklist = { format: COMPILED_FORMAT, sourceSha256: sourceSha256(source), codeSha256: checklistCodeSha256(), checklist: parseChecklist(source, file, id) };
    const target = path.join(out, `${id}.json`);
    writeFileSync(target, JSON.stringify(compiled) + '\n');
    return target;
  });
}

/** The shipped vendor catalogue, compiled the same way (vendors-compiled.ts); a bad catalogue fails the build. */
export function writeCompiledVendorCatalogue(): string {
  const file = shippedVendorsFile();
  const source = readFileSync(file, 'utf8');
  const compiled: CompiledVendorCatalogue = { format: VENDORS_COMPILED_FORMAT, sourceSha256: vendorSourceSha256(source), codeSha256: vendorCodeSha256(), catalogue: parseVendorCatalogue(source, file, SHIPPED_VENDORS) };
  const target = compiledVendorsFile();
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(compiled) + '\n');
  return target;
}

if (require.main === module) {
  writeCompiledChecklists();
  writeCompiledVendorCatalogue();
}
