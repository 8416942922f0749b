// Taking a targets file into a real store as clients and installations (the app's "Import target list"): the
// preview writes nothing; apply adds clients and installations, changes only what the file gives, all or nothing;
// the same file again changes nothing; a file with bad rows is refused and writes nothing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTargetListService } from '../../../electron/core/service/target-list';
import { ServiceError } from '../../../electron/core/service/dispatch';
import { tempDir } from '../../fixtures/audit-harness';
import { rawDb, tempDbFile, tempStore } from '../store/helpers';

const dir = tempDir('pruefstand-target-list-');
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

const LIST =
  'client;installation;base URL;pages;policy URL;config;ssh\n' +
  'Kunde GmbH;Produktion;https://mautic.kunde.example/;https://www.kunde.example/angebot;https://www.kunde.example/datenschutz;configs/kunde.php;\n' +
  'Kunde GmbH;Test;https://test.kunde.example/;;;;\n' +
  'Agentur AG;Marketing;https://mautic.agentur.example/;;;;deploy@ssh.agentur.example:2222\n';

function setup() {
  const store = tempStore();
  const existing = store.clients.create({ name: 'Kunde GmbH' });
  const test = store.installations.create({ clientId: existing.id, name: 'Staging', baseUrl: 'https://test.kunde.example/', landingPages: ['https://lp.kunde.example/'], notes: 'bleibt' });
  return { store, service: createTargetListService(store), testId: test.id };
}

describe('importing a targets file', () => {
  it('previews what it would add and change, writing nothing', () => {
    const { store, service } = setup();
    const file = write('targets.csv', LIST);
    const plan = service.preview(file, 'en');
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.client, r.installation, r.action])).toEqual([
      [2, 'Kunde GmbH', 'Produktion', 'add'],
      [3, 'Kunde GmbH', 'Test', 'update'],
      [4, 'Agentur AG', 'Marketing', 'add-client'],
    ]);
    expect(plan.rows[0]!.changes).toEqual([
      { field: 'landingPages', from: '', to: 'https://www.kunde.example/angebot' },
      { field: 'privacyPolicyUrl', from: '', to: 'https://www.kunde.example/datenschutz' },
      { field: 'configPath', from: '', to: path.join(dir, 'configs/kunde.php') },
    ]);
    expect(plan.rows[2]!.changes).toEqual([{ field: 'ssh', from: '', to: 'deploy@ssh.agentur.example:2222' }]);
    // The test installation keeps its pages: the file's empty cell clears nothing; only the name differs.
    expect(plan.rows[1]!.changes).toEqual([{ field: 'name', from: 'Staging', to: 'Test' }]);
    expect(store.clients.list().map((c) => c.name)).toEqual(['Kunde GmbH']);
    expect(store.installations.findByBaseUrl('https://mautic.kunde.example/')).toBeNull();
  });

  it('applies it in one go, with config paths resolved against the file’s folder and SSH without a secret; again, nothing changes', () => {
    const { store, service, testId } = setup();
    const file = write('targets-apply.csv', LIST);
    expect(service.apply(file, 'en')).toEqual({ clientsAdded: 1, added: 2, updated: 1, unchanged: 0 });
    const prod = store.installations.findByBaseUrl('https://mautic.kunde.example/')!;
    expect(prod).toMatchObject({ name: 'Produktion', landingPages: ['https://www.kunde.example/angebot'], privacyPolicyUrl: 'https://www.kunde.example/datenschutz', configPath: path.join(dir, 'configs/kunde.php'), ssh: null });
    expect(store.installations.get(testId)).toMatchObject({ name: 'Test', landingPages: ['https://lp.kunde.example/'], notes: 'bleibt' });
    const agentur = store.installations.findByBaseUrl('https://mautic.agentur.example/')!;
    expect(agentur.ssh).toMatchObject({ host: 'ssh.agentur.example', port: 2222, username: 'deploy', auth: 'agent' });
    expect(agentur.hasSecret).toBe(false);
    expect(store.clients.get(agentur.clientId)!.name).toBe('Agentur AG');
    expect(service.preview(file, 'en').rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(service.apply(file, 'en')).toEqual({ clientsAdded: 0, added: 0, updated: 0, unchanged: 3 });
  });

  it('names an installation stored under another client and leaves it there', () => {
    const { store, service, testId } = setup();
    const file = write('moved.csv', 'client,installation,base URL\nNeu KG,Test,https://test.kunde.example/\n');
    const [row] = service.preview(file, 'en').rows;
    expect(row).toMatchObject({ action: 'update', storedClient: 'Kunde GmbH' });
    service.apply(file, 'en');
    expect(store.clients.get(store.installations.get(testId)!.clientId)!.name).toBe('Kunde GmbH');
    expect(store.clients.findByName('Neu KG')).toBeNull();
  });

  it('a file with bad rows lists each, in German too, and apply writes nothing', () => {
    const { store, service } = setup();
    const file = write('bad.csv', 'client,installation,base URL\nKunde GmbH,A,https://a.example/\n,B,http://b.example/\n');
    const plan = service.preview(file, 'de');
    expect(plan.rows).toEqual([]);
    expect(plan.errors).toEqual([
      { row: 3, column: 'client', message: 'der Mandant fehlt' },
      { row: 3, column: 'base URL', message: '„http://b.example/“ ist keine https-URL' },
    ]);
    expect(() => service.apply(file, 'en')).toThrow(/bad\.csv: 2 row error\(s\); nothing was imported/);
    expect(store.installations.findByBaseUrl('https://a.example/')).toBeNull();
  });

  it('a missing or oversized file is a clear error', () => {
    const { service } = setup();
    expect(() => service.preview(path.join(dir, 'nope.csv'), 'en')).toThrow(ServiceError);
    const big = write('big.csv', 'client,installation,base URL\n' + 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(() => service.preview(big, 'en')).toThrow(/larger than 10 MB/);
  });

  it('all or nothing: a write refused part-way leaves the store as it was', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    // The database itself refuses the second row's installation (as a full disk or a lock would refuse a write).
    const raw = rawDb(file);
    raw.exec("CREATE TRIGGER refuse_boom BEFORE INSERT ON installations WHEN NEW.name = 'Boom' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    raw.close();
    const list = write('partial.csv', 'client,installation,base URL\nNeu KG,A,https://a.example/\nNeu KG,Boom,https://b.example/\n');
    expect(() => createTargetListService(store).apply(list, 'en')).toThrow(/refused/);
    expect(store.clients.findByName('Neu KG')).toBeNull();
    expect(store.installations.findByBaseUrl('https://a.example/')).toBeNull();
  });
});
