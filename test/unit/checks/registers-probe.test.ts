// The registers probe: it reads nothing itself; it keeps the snapshot handed to the audit as evidence.
import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../../electron/core/audit/target';
import { dpaCoverage } from '../../../electron/core/checks/dpa';
import { createNetClient } from '../../../electron/core/net/client';
import { registersProbe } from '../../../electron/core/probes/registers';
import type { AuditTarget, NewEvidence } from '../../../electron/core/probes/types';
import { activity, landing, processor, snapshot, VENDORS } from './registers-fixture';

async function probe(registers: AuditTarget['registers']) {
  const stored: NewEvidence[] = [];
  const result = await registersProbe.run({
    target: auditTarget({ baseUrl: 'https://mautic.example.org/', registers }),
    net: createNetClient({ timeoutMs: 1000, maxRedirects: 0, maxBodyBytes: 1024, userAgent: 'test' }, () => 'unused'),
    evidence: { add: (e) => (stored.push(e), `sha-${stored.length}`) },
    signal: new AbortController().signal,
  });
  return { result, stored };
}

describe('registersProbe', () => {
  it('observes "not given" without registers, and stores nothing', async () => {
    const { result, stored } = await probe(null);
    expect(result.ok && result.data).toMatchObject({ given: false, snapshot: null, vendors: null });
    expect(result.evidence).toEqual([]);
    expect(stored).toEqual([]);
  });

  it('stores the snapshot as registers evidence (JSON) and returns it with the catalogue', async () => {
    const s = snapshot([processor({ name: 'Hetzner Online GmbH' })], [activity({ activity: 'Mautic' })]);
    const { result, stored } = await probe({ snapshot: s, vendors: VENDORS });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'registers', mediaType: 'application/json', summary: 'Registers of Beispiel GmbH: 1 processor(s), 1 processing activity' });
    expect(JSON.parse(stored[0]!.content.toString('utf8'))).toEqual(s);
    if (!result.ok) throw new Error('probe failed');
    expect(result.evidence).toEqual(['sha-1']);
    expect(result.data).toMatchObject({ given: true, snapshot: s, vendors: VENDORS });
    expect(result.data.capturedAt).toBe(stored[0]!.capturedAt);
    // What the checks make of it: the hoster with a DPA covers a site that loads nothing foreign.
    expect(dpaCoverage.evaluate({ registers: result, 'landing-pages': landing([]), 'mautic-config': { ok: true, data: { source: 'none', localPhp: null, crontab: null, version: null, sshHostKey: null }, evidence: [] } }).status).toBe('pass');
  });

  it('keeps each processor’s DPA document once as document evidence; a document that cannot be read is skipped', async () => {
    const pdf = Buffer.from('%PDF-1.7\nAVV\n%%EOF\n');
    const docs = new Map([['a'.repeat(64), pdf]]);
    const s = snapshot(
      [processor({ name: 'Hetzner Online GmbH', dpaDocument: 'a'.repeat(64), dpaSignedOn: '2026-01-31' }), processor({ name: 'Hetzner Cloud', dpaDocument: 'a'.repeat(64) }), processor({ name: 'Verloren AG', dpaDocument: 'b'.repeat(64) })],
      [],
    );
    const { result, stored } = await probe({
      snapshot: s,
      vendors: VENDORS,
      readDocument: (sha) => {
        const doc = docs.get(sha);
        if (!doc) throw new Error('missing');
        return doc;
      },
    });
    expect(stored.map((e) => [e.kind, e.summary])).toEqual([
      ['registers', 'Registers of Beispiel GmbH: 3 processor(s), 0 processing activities'],
      ['document', 'DPA with Hetzner Online GmbH, signed 2026-01-31'],
    ]);
    expect(stored[1]).toMatchObject({ mediaType: 'application/pdf', content: pdf });
    expect(result.evidence).toEqual(['sha-1', 'sha-2']);
  });
});
