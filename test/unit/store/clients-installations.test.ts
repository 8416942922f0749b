import { describe, expect, it } from 'vitest';
import { tempStore, runFor } from './helpers';

const code = (code: string) => expect.objectContaining({ name: 'StoreError', code });

describe('clients', () => {
  it('creates, lists (by name), gets, updates and deletes', () => {
    const store = tempStore();
    const b = store.clients.create({ name: '  Beta AG ', notes: 'n' });
    const a = store.clients.create({ name: 'alpha GmbH' });
    expect(b).toMatchObject({ name: 'Beta AG', notes: 'n' });
    expect(Date.parse(b.createdAt)).not.toBeNaN();
    expect(store.clients.list().map((c) => c.name)).toEqual(['alpha GmbH', 'Beta AG']);
    expect(store.clients.get(a.id)).toEqual(a);
    expect(store.clients.get(9999)).toBeNull();
    expect(store.clients.update(a.id, { notes: 'wichtig' })).toEqual({ ...a, notes: 'wichtig' });
    expect(store.clients.update(a.id, { name: 'Alpha' }).name).toBe('Alpha');
    store.clients.delete(b.id);
    expect(store.clients.get(b.id)).toBeNull();
  });

  it('rejects empty and duplicate names, and unknown ids', () => {
    const store = tempStore();
    const a = store.clients.create({ name: 'Acme' });
    expect(() => store.clients.create({ name: '   ' })).toThrow(code('invalid'));
    expect(() => store.clients.create({ name: 'Acme' })).toThrow(code('conflict'));
    expect(() => store.clients.update(a.id, { name: '' })).toThrow(code('invalid'));
    expect(() => store.clients.update(4711, { notes: 'x' })).toThrow(code('not-found'));
    expect(() => store.clients.delete(4711)).toThrow(code('not-found'));
  });

  it('deleting a client deletes its installations, but not once a run exists (runs and evidence are kept)', () => {
    const store = tempStore();
    const c = store.clients.create({ name: 'Acme' });
    const i = store.installations.create({ clientId: c.id, name: 'Mautic', baseUrl: 'https://m.acme.test' });
    store.clients.delete(c.id);
    expect(store.installations.get(i.id)).toBeNull();

    const { installationId } = runFor(store, 'https://audited.test/');
    const owner = store.installations.get(installationId)!.clientId;
    expect(() => store.clients.delete(owner)).toThrow(code('in-use'));
    expect(() => store.installations.delete(installationId)).toThrow(code('in-use'));
    expect(store.installations.get(installationId)).not.toBeNull();
  });
});

describe('installations', () => {
  it('creates with normalised URLs, lists per client, gets, finds by base URL, updates and deletes', () => {
    const store = tempStore();
    const c1 = store.clients.create({ name: 'One' });
    const c2 = store.clients.create({ name: 'Two' });
    const i = store.installations.create({ clientId: c1.id, name: 'Prod', baseUrl: 'HTTPS://Mautic.Example.ORG', httpUrl: 'http://mautic.example.org:8080', caPem: '-----BEGIN CERTIFICATE-----' });
    store.installations.create({ clientId: c1.id, name: 'Acceptance', baseUrl: 'https://abn.example.org/' });
    store.installations.create({ clientId: c2.id, name: 'Other', baseUrl: 'https://other.example.org/' });
    expect(i).toMatchObject({ clientId: c1.id, baseUrl: 'https://mautic.example.org/', httpUrl: 'http://mautic.example.org:8080/', caPem: '-----BEGIN CERTIFICATE-----', notes: '' });
    expect(store.installations.list(c1.id).map((x) => x.name)).toEqual(['Acceptance', 'Prod']);
    expect(store.installations.list(c2.id).map((x) => x.name)).toEqual(['Other']);
    expect(store.installations.get(i.id)).toEqual(i);
    expect(store.installations.findByBaseUrl('https://mautic.example.org')).toEqual(i);
    expect(store.installations.findByBaseUrl('https://nowhere.example.org/')).toBeNull();
    expect(store.installations.findByBaseUrl('not a url')).toBeNull();

    const moved = store.installations.update(i.id, { clientId: c2.id, httpUrl: null, caPem: null, notes: 'moved' });
    expect(moved).toMatchObject({ clientId: c2.id, httpUrl: null, caPem: null, notes: 'moved', name: 'Prod', baseUrl: 'https://mautic.example.org/' });
    store.installations.delete(i.id);
    expect(store.installations.get(i.id)).toBeNull();
  });

  it('keeps landing pages (normalised, once each), the privacy-policy URL and the CA file name', () => {
    const store = tempStore();
    const c = store.clients.create({ name: 'One' });
    const i = store.installations.create({
      clientId: c.id,
      name: 'Prod',
      baseUrl: 'https://m.example.org/',
      landingPages: ['https://LP.example.org/a', 'https://lp.example.org/a', 'http://old.example.org/'],
      privacyPolicyUrl: 'https://example.org/datenschutz',
      caPem: '-----BEGIN CERTIFICATE-----',
      caName: 'intern-ca.pem',
    });
    expect(i).toMatchObject({ landingPages: ['https://lp.example.org/a', 'http://old.example.org/'], privacyPolicyUrl: 'https://example.org/datenschutz', caName: 'intern-ca.pem' });
    expect(store.installations.update(i.id, { landingPages: [] })).toMatchObject({ landingPages: [], caName: 'intern-ca.pem' });
    // Without a CA file there is no CA name.
    expect(store.installations.update(i.id, { caPem: null })).toMatchObject({ caPem: null, caName: null });
    expect(() => store.installations.update(i.id, { landingPages: ['javascript:alert(1)'] })).toThrow(code('invalid'));
    expect(() => store.installations.update(i.id, { privacyPolicyUrl: 'file:///etc/passwd' })).toThrow(code('invalid'));
  });

  it('rejects bad input with StoreErrors', () => {
    const store = tempStore();
    const c = store.clients.create({ name: 'One' });
    store.installations.create({ clientId: c.id, name: 'A', baseUrl: 'https://a.test/' });
    expect(() => store.installations.create({ clientId: 999, name: 'x', baseUrl: 'https://x.test/' })).toThrow(code('not-found'));
    expect(() => store.installations.create({ clientId: c.id, name: 'x', baseUrl: 'ftp://x.test/' })).toThrow(code('invalid'));
    expect(() => store.installations.create({ clientId: c.id, name: 'x', baseUrl: 'nonsense' })).toThrow(code('invalid'));
    expect(() => store.installations.create({ clientId: c.id, name: '', baseUrl: 'https://y.test/' })).toThrow(code('invalid'));
    expect(() => store.installations.create({ clientId: c.id, name: 'dup', baseUrl: 'https://A.test' })).toThrow(code('conflict'));
    expect(() => store.installations.update(999, { name: 'x' })).toThrow(code('not-found'));
    expect(() => store.installations.delete(999)).toThrow(code('not-found'));
  });
});

describe('ensureInstallationForUrl', () => {
  it("creates the installation under the 'Ad-hoc' client once, then returns the same one", () => {
    const store = tempStore();
    const first = store.ensureInstallationForUrl('https://mautic.example.org');
    expect(first).toMatchObject({ name: 'mautic.example.org', baseUrl: 'https://mautic.example.org/' });
    expect(store.clients.get(first.clientId)!.name).toBe('Ad-hoc');
    expect(store.ensureInstallationForUrl('https://mautic.example.org/')).toEqual(first);
    const second = store.ensureInstallationForUrl('https://m2.example.org:8443/', undefined);
    expect(second.name).toBe('m2.example.org:8443');
    expect(second.clientId).toBe(first.clientId);
    expect(store.clients.list()).toHaveLength(1);
  });

  it('uses (or creates) the named client', () => {
    const store = tempStore();
    const acme = store.clients.create({ name: 'Acme' });
    expect(store.ensureInstallationForUrl('https://a.test/', 'Acme').clientId).toBe(acme.id);
    const other = store.ensureInstallationForUrl('https://b.test/', 'Neu GmbH');
    expect(store.clients.get(other.clientId)!.name).toBe('Neu GmbH');
    expect(() => store.ensureInstallationForUrl('file:///etc/passwd')).toThrow(code('invalid'));
  });
});
