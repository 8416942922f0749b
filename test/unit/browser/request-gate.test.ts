import { describe, expect, it } from 'vitest';
import { createRequestGate } from '../../../electron/core/browser/request-gate';

const gate = (maxRequests?: number) => createRequestGate({ allowedHosts: new Set(['127.0.0.1', 'www.example.de']), maxRequests });

describe('the request gate of a browser visit', () => {
  it('lets the named hosts and public addresses through', async () => {
    const g = gate();
    expect(await g.decide('http://127.0.0.1:8080/page', true)).toBeNull();
    expect(await g.decide('https://93.184.216.34/x.js', false)).toBeNull();
  });
  it('refuses the loopback and private network beyond the hosts named', async () => {
    const g = gate();
    for (const url of ['http://127.0.0.5:9/', 'http://192.168.1.1/', 'http://10.0.0.1/admin', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:80/', 'http://localhost:631/']) {
      expect(await g.decide(url, false), url).toBe('lan');
    }
  });
  it('refuses a top-level navigation to another site but follows one within the same registrable domain', async () => {
    const g = gate();
    expect(await g.decide('https://evil.example.com/', true)).toBe('navigation');
    expect(await g.decide('https://shop.example.de/', true)).toBeNull();
    expect(await g.decide('https://93.184.216.34/', false)).toBeNull();
  });
  it('refuses other schemes than http and https, but not data: and blob:', async () => {
    const g = gate();
    expect(await g.decide('file:///etc/passwd', false)).toBe('scheme');
    expect(await g.decide('ftp://example.de/x', false)).toBe('scheme');
    expect(await g.decide('data:text/plain,hi', false)).toBeNull();
  });
  it('refuses every request after the cap', async () => {
    const g = gate(3);
    const out = [];
    for (let i = 0; i < 5; i++) out.push(await g.decide(`https://93.184.216.34/${i}`, false));
    expect(out).toEqual([null, null, null, 'cap', 'cap']);
  });
  it('takes the address scope the caller gives (tests name a loopback address public)', async () => {
    const g = createRequestGate({ allowedHosts: new Set(), addressScope: (a) => (a === '127.0.0.2' ? 'public' : 'loopback') });
    expect(await g.decide('http://127.0.0.2:1/', false)).toBeNull();
    expect(await g.decide('http://127.0.0.3:1/', false)).toBe('lan');
  });
});
