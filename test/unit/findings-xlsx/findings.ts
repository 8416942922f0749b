// Findings as the store would hand them to the export, for the unit tests of core/findings-xlsx.
import type { FindingsScopeRef } from '../../../electron/shared/contract-findings-xlsx';
import type { ExportFinding } from '../../../electron/core/findings-xlsx';

export const SCOPE: FindingsScopeRef = { kind: 'installation', id: 3, label: 'https://mautic.kunde.example/' };
export const EXPORTED_AT = '2026-12-01T10:00:00.000Z';

export function finding(id: number, over: Partial<ExportFinding> = {}): ExportFinding {
  return {
    id,
    installationId: 3,
    checkId: `headers.check-${id}`,
    subject: id % 2 ? `header:x-frame-${id}` : '',
    itemId: 'headers',
    severity: 'high',
    measured: 'fail',
    status: 'open',
    owner: '',
    dueOn: '2027-01-15',
    reason: '',
    expiresOn: null,
    firstRunId: 1,
    lastSeenRunId: 1,
    fixedRunId: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    checkTitle: `Check ${id}`,
    itemTitle: 'Security headers',
    ...over,
  };
}

export const FINDINGS: ExportFinding[] = [
  finding(1),
  finding(2, { status: 'in-progress', owner: 'IT (M. Kurz)' }),
  finding(3, { status: 'accepted-risk', reason: 'Legacy app, replaced in Q2', expiresOn: '2027-06-30', owner: '=HYPERLINK("http://evil.example")' }),
  finding(4, { status: 'fixed', fixedRunId: 2 }),
  finding(5, { status: 'false-positive', reason: 'Not reachable' }),
];
