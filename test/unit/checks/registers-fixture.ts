// Registers, landing pages and config as the probes deliver them, built in the tests (no probe I/O).
import type { ConfigObservations } from '../../../electron/core/checks/config-version';
import { loadVendorCatalogue } from '../../../electron/core/checklist/vendors-load';
import { extractResources, type LandingPageObservation } from '../../../electron/core/probes/landing';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import type { Activity, ActivityInput, Processor, ProcessorInput, RegisterSnapshot } from '../../../electron/shared/registers';
import { observations as configObservations } from './config-fixture';

export const VENDORS = loadVendorCatalogue();
/** The audit date of every registers observation here. */
export const AUDIT_AT = '2026-06-15T10:00:00.000Z';

let ids = 0;
export function processor(input: Partial<ProcessorInput> & { name: string }): Processor {
  return {
    service: 'Hosting',
    role: 'processor',
    country: 'DE',
    dpaSignedOn: '2025-01-10',
    dpaDocument: 'a'.repeat(64),
    transferBasis: null,
    subProcessors: [],
    nextReviewOn: '2027-01-10',
    notes: '',
    ...input,
    id: ++ids,
    clientId: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function activity(input: Partial<ActivityInput> & { activity: string }): Activity {
  return {
    purposes: '',
    legalBasis: 'a',
    specialBasis: null,
    dataCategories: 'Name, E-Mail-Adresse',
    subjectCategories: 'Interessenten',
    recipients: '',
    thirdCountryTransfers: 'keine',
    retention: '24 Monate',
    tomReference: 'TOM v3',
    ...input,
    id: ++ids,
    clientId: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export const snapshot = (processors: Processor[], activities: Activity[] = []): RegisterSnapshot => ({ clientName: 'Beispiel GmbH', processors, activities });

export function registers(s: RegisterSnapshot | null): ProbeResult<ObservationMap['registers']> {
  if (!s) return { ok: true, data: { given: false, snapshot: null, vendors: null, capturedAt: AUDIT_AT }, evidence: [] };
  return { ok: true, data: { given: true, snapshot: s, vendors: VENDORS, capturedAt: AUDIT_AT }, evidence: ['sha-registers'] };
}

let pages = 0;
export function landingPage(url: string, html: string): LandingPageObservation {
  pages += 1;
  const { resources, truncated } = extractResources(html, url);
  return { url, discoveredFrom: null, chain: [url], status: 200, contentType: 'text/html', error: null, parsedAsHtml: true, resources, resourcesTruncated: truncated, bodyTruncated: false, stylesheets: [], forms: [], tracking: null, evidence: [`sha-page-${pages}`] };
}

export function landing(list: LandingPageObservation[]): ProbeResult<ObservationMap['landing-pages']> {
  return { ok: true, data: { pages: list, skipped: 0, installationHost: 'mautic.example.org' }, evidence: list.flatMap((p) => p.evidence) };
}

/** The mautic-config observation for a local.php text (parsed and redacted for real); null: no config given. */
export function config(php: string | null): ConfigObservations['mautic-config'] {
  return configObservations({ php })['mautic-config'];
}

export const php = (entries: Record<string, string>) => `<?php\n$parameters = array(\n${Object.entries(entries).map(([k, v]) => `  '${k}' => '${v}',`).join('\n')}\n);\n`;
