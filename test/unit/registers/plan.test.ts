import { describe, expect, it } from 'vitest';
import { planImport, readRegisterFile } from '../../../electron/core/registers';
import type { Activity, Processor, ProcessorInput } from '../../../electron/shared/registers';

const stored = (id: number, input: Partial<ProcessorInput> & { name: string }): Processor => ({
  id,
  clientId: 7,
  updatedAt: '2026-01-01T00:00:00Z',
  service: '',
  role: 'processor',
  country: '',
  dpaSignedOn: null,
  dpaDocument: null,
  transferBasis: null,
  subProcessors: [],
  nextReviewOn: null,
  notes: '',
  ...input,
});

const HETZNER = stored(1, { name: 'Hetzner Online GmbH', service: 'Hosting', country: 'DE', dpaSignedOn: '2024-03-15', dpaDocument: 'a'.repeat(64), notes: 'Vertrag im DMS' });
const MAILGUN = stored(2, { name: 'Mailgun Technologies, Inc.', service: 'E-Mail', country: 'US', transferBasis: 'scc', notes: 'prüfen' });
const NEWSLETTER: Activity = {
  id: 5, clientId: 7, updatedAt: '2026-01-01T00:00:00Z', activity: 'Newsletter', purposes: 'Werbung', legalBasis: 'a', specialBasis: null,
  dataCategories: 'E-Mail', subjectCategories: 'Interessenten', recipients: '', thirdCountryTransfers: '', retention: '', tomReference: 'TOM v2',
};

const csv = (text: string): Buffer => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');

describe('planImport', () => {
  it('adds new entries, changes different ones (with before), counts equal ones as unchanged', async () => {
    // No Notes column: stored notes must survive; dpaDocument is never touched.
    const parsed = await readRegisterFile(csv('Name;Leistung;Land;AVV unterzeichnet am;Übermittlungsgrundlage\n  hetzner   online gmbh ;Hosting;DE;15.03.2024;\nMailgun Technologies, Inc.;E-Mail;US;;DPF\nBrevo SAS;Newsletter;FR;01.06.2025;\n'), 'av.csv');
    const plan = planImport(parsed, { processors: [HETZNER, MAILGUN], activities: [] });
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toEqual({ processors: 0, activities: 0 });
    // "hetzner online gmbh" matches; the name's spelling in the file is a change in itself.
    expect(plan.changes.processors.change.map((c) => [c.id, c.input.name, c.input.notes, c.input.dpaDocument])).toEqual([
      [1, 'hetzner online gmbh', 'Vertrag im DMS', 'a'.repeat(64)],
      [2, 'Mailgun Technologies, Inc.', 'prüfen', null],
    ]);
    expect(plan.changes.processors.change[1]!.input.transferBasis).toBe('dpf');
    expect(plan.before.processors).toEqual([HETZNER, MAILGUN]);
    expect(plan.changes.processors.add).toEqual([
      { name: 'Brevo SAS', service: 'Newsletter', role: 'processor', country: 'FR', dpaSignedOn: '2025-06-01', dpaDocument: null, transferBasis: null, subProcessors: [], nextReviewOn: null, notes: '' },
    ]);
  });

  it('counts a row equal to the register as unchanged, even without the columns the file lacks', async () => {
    const parsed = await readRegisterFile(csv('Name;Leistung;Land\nHetzner Online GmbH;Hosting;Deutschland\n'), 'av.csv');
    const plan = planImport(parsed, { processors: [HETZNER], activities: [] });
    expect(plan.unchanged.processors).toBe(1);
    expect(plan.changes.processors).toEqual({ add: [], change: [] });
    expect(plan.before.processors).toEqual([]);
  });

  it('reports the second row of a name twice in the file and ignores it', async () => {
    const parsed = await readRegisterFile(csv('Dienstleister;Leistung\nOVH;Hosting\nIONOS;Mail\novh ;Backup\n'), 'av.csv');
    const plan = planImport(parsed, { processors: [], activities: [] });
    expect(plan.changes.processors.add.map((p) => p.service)).toEqual(['Hosting', 'Mail']);
    expect(plan.errors).toEqual([{ sheet: 'av.csv', row: 4, column: 'Dienstleister', message: 'The same name appears already in row 2 of "av.csv"; this row is ignored.' }]);
  });

  it('plans activities by activity name and keeps their unlisted columns', async () => {
    const parsed = await readRegisterFile(csv('Verarbeitungstätigkeit;Zwecke;Rechtsgrundlage\nNEWSLETTER;Werbung und Info;Einwilligung\nKontaktformular;Anfragen;Vertrag\n'), 'vvt.csv');
    const plan = planImport(parsed, { processors: [], activities: [NEWSLETTER] });
    expect(plan.changes.activities.change).toEqual([{ id: 5, input: { ...withoutMeta(NEWSLETTER), activity: 'NEWSLETTER', purposes: 'Werbung und Info' } }]);
    expect(plan.before.activities).toEqual([NEWSLETTER]);
    expect(plan.changes.activities.add.map((a) => [a.activity, a.legalBasis, a.tomReference])).toEqual([['Kontaktformular', 'b', '']]);
  });

  it('passes the reader\'s row errors on', async () => {
    const parsed = await readRegisterFile(csv('Name;Land\nA;Atlantis\nB;DE\n'), 'av.csv');
    const plan = planImport(parsed, { processors: [], activities: [] });
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Land']]);
    expect(plan.changes.processors.add.map((p) => p.name)).toEqual(['B']);
  });
});

function withoutMeta(a: Activity): Omit<Activity, 'id' | 'clientId' | 'updatedAt'> {
  const { id: _id, clientId: _client, updatedAt: _at, ...input } = a;
  return input;
}
