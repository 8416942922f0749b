import type { RegisterSnapshot } from '../../shared/registers';
import type { VendorCatalogue } from '../../shared/vendors';
import { loadShippedVendorCatalogue } from '../checklist/vendors-compiled';
import type { AuditTarget } from '../probes/types';

interface RegisterSource {
  registers: { snapshot(clientId: number): RegisterSnapshot; readDocument(sha256: string): Buffer };
}

/**
 * What an audit of this client reads of its registers: the snapshot with the vendor catalogue, or null while the
 * client keeps no entry at all (then ropa.* and dpa.* stay manual: the records are kept elsewhere, not missing).
 */
export function clientRegisters(store: RegisterSource, clientId: number, vendors: VendorCatalogue): AuditTarget['registers'] {
  const snapshot = store.registers.snapshot(clientId);
  return snapshot.processors.length + snapshot.activities.length === 0 ? null : { snapshot, vendors, readDocument: (sha) => store.registers.readDocument(sha) };
}

/** The shipped catalogue, compiled by the build (no YAML parser); another file, or no build, parses the YAML. */
export async function vendorCatalogue(file: string | null): Promise<VendorCatalogue> {
  const shipped = file ? null : loadShippedVendorCatalogue();
  if (shipped) return shipped;
  const { loadVendorCatalogue } = await import('../checklist/vendors-load.js');
  return loadVendorCatalogue(file ?? undefined);
}
