import path from 'node:path';
import type { VendorCatalogue } from '../../shared/vendors';
import { compiledVendorCatalogue, SHIPPED_VENDORS, shippedVendorsFile } from './vendors-compiled';
import { vendorCatalogueSchema } from './vendors-schema';
import { parseYamlData, readDataFile } from './yaml-data';

export { ChecklistError } from './checklist-error';

/**
 * The vendor catalogue. No file: the shipped one (checklists/vendors.yaml; its compiled form when current, see
 * vendors-compiled.ts). A file: the user's own, parsed and validated. Throws ChecklistError naming file, line and
 * column for a missing file, bad YAML or bad data.
 */
export function loadVendorCatalogue(file?: string): VendorCatalogue {
  const target = file === undefined ? shippedVendorsFile() : path.resolve(file);
  const source = readDataFile(target, 'vendor catalogue');
  if (file === undefined) return compiledVendorCatalogue(source) ?? parseVendorCatalogue(source, target, SHIPPED_VENDORS);
  return parseVendorCatalogue(source, target, target);
}

/** Parses and validates catalogue YAML; `file` is used in error messages, `source` names the catalogue. */
export function parseVendorCatalogue(text: string, file: string, source: string = file): VendorCatalogue {
  return { source, vendors: parseYamlData(text, file, vendorCatalogueSchema).vendors };
}
