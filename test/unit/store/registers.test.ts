// The registers in a real SQLite file: processors and records of processing per client, validated, applied
// all-or-nothing, snapshotted for an audit; DPA documents content-addressed beside the evidence.
import { describe, expect, it } from 'vitest';
import type { ActivityInput, ProcessorInput } from '../../../electron/shared/registers';
import { StoreError } from '../../../electron/core/store';
import { rawDb, tempDbFile, tempStore } from './helpers';

export const processorInput = (over: Partial<ProcessorInput> = {}): ProcessorInput => ({
  name: 'Hetzner Online GmbH',
  service: 'Hosting des Mautic-Servers',
  role: 'processor',
  country: 'DE',
  dpaSignedOn: '2026-01-31',
  dpaDocument: null,
  transferBasis: null,
  subProcessors: [],
  nextReviewOn: '2027-01-31',
  notes: '',
  ...over,
});

export const activityInput = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  activity: 'Marketing-Automation (Mautic)',
  purposes: 'Newsletter, Lead-Management',
  legalBasis: 'a',
  specialBasis: null,
  dataCategories: 'Name, E-Mail, Klickverhalten',
  subjectCategories: 'Interessenten',
  recipients: 'Brevo (E-Mail-Versand)',
  thirdCountryTransfers: 'keine',
  retention: '2 Jahre nach letzter Interaktion',
  tomReference: 'TOM v3',
  ...over,
});

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof StoreError ? `${err.code}: ${err.message}` : `other: ${String(err)}`;
  }
  return 'no error';
};

describe('store.registers', () => {
  it('creates, lists (sorted by name), updates and deletes processors and activities per client', () => {
    const store = tempStore();
    const a = store.clients.create({ name: 'Kunde A' });
    const b = store.clients.create({ name: 'Kunde B' });
    const hetzner = store.registers.createProcessor(a.id, processorInput({ name: '  Hetzner Online GmbH ', country: 'de', subProcessors: ['', 'Rechenzentrum Falkenstein'] }));
    expect(hetzner).toMatchObject({ clientId: a.id, name: 'Hetzner Online GmbH', country: 'DE', subProcessors: ['Rechenzentrum Falkenstein'] });
    store.registers.createProcessor(a.id, processorInput({ name: 'Brevo', country: 'FR' }));
    store.registers.createProcessor(b.id, processorInput({ name: 'Other' }));
    expect(store.registers.listProcessors(a.id).map((p) => p.name)).toEqual(['Brevo', 'Hetzner Online GmbH']);
    const changed = store.registers.updateProcessor(hetzner.id, processorInput({ transferBasis: 'scc', notes: 'geprüft' }));
    expect(changed).toMatchObject({ id: hetzner.id, transferBasis: 'scc', notes: 'geprüft' });
    store.registers.deleteProcessor(hetzner.id);
    expect(store.registers.getProcessor(hetzner.id)).toBeNull();
    expect(code(() => store.registers.deleteProcessor(hetzner.id))).toMatch(/^not-found/);

    const act = store.registers.createActivity(a.id, activityInput());
    expect(store.registers.listActivities(a.id)).toEqual([act]);
    expect(store.registers.updateActivity(act.id, activityInput({ legalBasis: 'f' })).legalBasis).toBe('f');
    store.registers.deleteActivity(act.id);
    expect(store.registers.listActivities(a.id)).toEqual([]);
  });

  it('refuses bad entries with a clear StoreError and writes nothing', () => {
    const store = tempStore();
    const c = store.clients.create({ name: 'Kunde' });
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ name: ' ' })))).toMatch(/^invalid: .*name is required/);
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ country: 'Deutschland' })))).toMatch(/^invalid: .*two-letter/);
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ dpaSignedOn: '2026-02-30' })))).toMatch(/^invalid: .*YYYY-MM-DD/);
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ transferBasis: 'maybe' as never })))).toMatch(/^invalid: .*transfer basis/);
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ role: 'vendor' as never })))).toMatch(/^invalid: .*role/);
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ dpaDocument: 'b'.repeat(64) })))).toMatch(/^not-found/);
    expect(code(() => store.registers.createActivity(c.id, activityInput({ legalBasis: 'z' as never })))).toMatch(/^invalid: .*legal basis/);
    expect(code(() => store.registers.createProcessor(999, processorInput()))).toMatch(/^not-found: client 999/);
    store.registers.createProcessor(c.id, processorInput({ name: 'Brevo' }));
    expect(code(() => store.registers.createProcessor(c.id, processorInput({ name: 'BREVO  ' })))).toMatch(/^conflict/);
    expect(store.registers.listProcessors(c.id)).toHaveLength(1);
  });

  it('applies changes all-or-nothing: one bad entry leaves the register as it was', () => {
    const store = tempStore();
    const c = store.clients.create({ name: 'Kunde' });
    const other = store.clients.create({ name: 'Fremd' });
    const p = store.registers.createProcessor(c.id, processorInput({ name: 'Brevo' }));
    const foreign = store.registers.createProcessor(other.id, processorInput({ name: 'Fremd' }));
    const before = store.registers.snapshot(c.id);
    const bad = {
      processors: { add: [processorInput({ name: 'Neu' })], change: [{ id: p.id, input: processorInput({ name: 'Brevo', notes: 'neu' }) }] },
      activities: { add: [activityInput(), activityInput({ activity: 'Zweite', legalBasis: 'x' as never })], change: [] },
    };
    expect(code(() => store.registers.apply(c.id, bad))).toMatch(/^invalid/);
    expect(store.registers.snapshot(c.id)).toEqual(before);
    const stolen = { processors: { add: [], change: [{ id: foreign.id, input: processorInput({ name: 'Fremd' }) }] }, activities: { add: [], change: [] } };
    expect(code(() => store.registers.apply(c.id, stolen))).toMatch(/^not-found: processor/);
    expect(store.registers.getProcessor(foreign.id)?.clientId).toBe(other.id);
    const good = { ...bad, activities: { add: [activityInput()], change: [] } };
    expect(store.registers.apply(c.id, good)).toEqual({ added: 2, changed: 1 });
    const after = store.registers.snapshot(c.id);
    expect(after.clientName).toBe('Kunde');
    expect(after.processors.map((x) => [x.name, x.notes])).toEqual([['Brevo', 'neu'], ['Neu', '']]);
    expect(after.activities).toHaveLength(1);
  });

  it('stores DPA documents content-addressed, reads them back checked, and goes with the client', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const c = store.clients.create({ name: 'Kunde' });
    const pdf = Buffer.from('%PDF-1.7\nAVV Hetzner\n%%EOF\n');
    const sha = store.registers.storeDocument(pdf, 'application/pdf');
    expect(store.registers.storeDocument(pdf, 'application/pdf')).toBe(sha);
    expect(store.registers.readDocument(sha).equals(pdf)).toBe(true);
    const p = store.registers.createProcessor(c.id, processorInput({ dpaDocument: sha }));
    expect(p.dpaDocument).toBe(sha);
    expect(code(() => store.registers.storeDocument(Buffer.alloc(0), 'application/pdf'))).toMatch(/^invalid: .*empty/);
    store.clients.delete(c.id);
    expect(rawDb(file).prepare('SELECT COUNT(*) AS n FROM processors').get()).toEqual({ n: 0 });
    expect(store.registers.readDocument(sha).equals(pdf)).toBe(true);
  });
});
