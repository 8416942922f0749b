import type { RegisterSnapshot } from '../../shared/registers';
import type { VendorCatalogue } from '../../shared/vendors';
import type { AuditTarget, EvidenceSink, Probe } from './types';

/** The client's registers as the audit read them, with the vendor catalogue to match what the other probes saw. */
export interface RegistersObservation {
  /** false: the audit was given no registers; the ropa.* and dpa.* checks then stay manual. */
  given: boolean;
  snapshot: RegisterSnapshot | null;
  vendors: VendorCatalogue | null;
  /** When the registers were read: the audit date that review dates are compared with. */
  capturedAt: string;
}

/** Each processor's DPA document once, as 'document' evidence of the run. */
function dpaDocuments(given: NonNullable<AuditTarget['registers']>, evidence: EvidenceSink, capturedAt: string): string[] {
  const read = given.readDocument;
  if (!read) return [];
  const seen = new Set<string>();
  const shas: string[] = [];
  for (const p of given.snapshot.processors) {
    if (!p.dpaDocument || seen.has(p.dpaDocument)) continue;
    seen.add(p.dpaDocument);
    let content: Buffer;
    try {
      content = read(p.dpaDocument);
    } catch {
      // A missing or damaged document stays named by its hash in the snapshot; verify-store reports the file.
      continue;
    }
    const signed = p.dpaSignedOn ? `, signed ${p.dpaSignedOn}` : '';
    shas.push(evidence.add({ kind: 'document', summary: `DPA with ${p.name}${signed}`, mediaType: 'application/pdf', content, capturedAt }));
  }
  return shas;
}

/**
 * Reads nothing itself: the audit hands in the snapshot of the registers kept in the app (and the catalogue it
 * loaded). Keeps the snapshot as evidence, so a verdict can be explained from what the registers held then.
 */
export const registersProbe: Probe<'registers'> = {
  id: 'registers',
  async run({ target, evidence }) {
    const capturedAt = new Date().toISOString();
    const given = target.registers;
    if (!given) return { ok: true, data: { given: false, snapshot: null, vendors: null, capturedAt }, evidence: [] };
    const { snapshot, vendors } = given;
    const summary = `Registers of ${snapshot.clientName}: ${snapshot.processors.length} processor(s), ${snapshot.activities.length} processing activit${snapshot.activities.length === 1 ? 'y' : 'ies'}`;
    const sha = evidence.add({ kind: 'registers', summary, mediaType: 'application/json', content: Buffer.from(JSON.stringify(snapshot, null, 2), 'utf8'), capturedAt });
    return { ok: true, data: { given: true, snapshot, vendors, capturedAt }, evidence: [sha, ...dpaDocuments(given, evidence, capturedAt)] };
  },
};
