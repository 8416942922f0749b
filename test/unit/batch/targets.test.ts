import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTargets, type BatchTarget } from '../../../electron/core/batch/targets';

const DIR = path.resolve('/srv/audits');
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of a text that only uses Latin-1 letters (ä ö ü ß é). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

function targets(bytes: Uint8Array): BatchTarget[] {
  const result = parseTargets(bytes, DIR);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.targets;
}

describe('parseTargets', () => {
  it('reads English headers with commas, several pages and forms, and resolves relative config paths', () => {
    const [t, u] = targets(
      utf8(
        'client,installation,base URL,http URL,pages,forms,policy URL,config,crontab\n' +
          'Acme,Main,https://m.acme.test/,http://m.acme.test:8080/,https://acme.test/a https://acme.test/b,https://m.acme.test/form/1|https://m.acme.test/form/2,https://acme.test/privacy,acme/local.php,/abs/cron.txt\n' +
          'Beta,,beta.test/mautic,,,,,,\n',
      ),
    );
    expect(t).toMatchObject({ row: 2, client: 'Acme', installation: 'Main', privacyPolicyUrl: new URL('https://acme.test/privacy') });
    expect(t!.baseUrl.href).toBe('https://m.acme.test/');
    expect(t!.httpUrl?.href).toBe('http://m.acme.test:8080/');
    expect(t!.landingPages.map((p) => p.href)).toEqual(['https://acme.test/a', 'https://acme.test/b']);
    expect(t!.formUrls.map((p) => p.href)).toEqual(['https://m.acme.test/form/1', 'https://m.acme.test/form/2']);
    expect(t!.config).toEqual({ kind: 'files', localPhpPath: path.join(DIR, 'acme/local.php'), crontabPath: path.resolve('/abs/cron.txt') });
    // No scheme: https is meant; no installation name: host and path.
    expect(u).toMatchObject({ row: 3, client: 'Beta', installation: 'beta.test/mautic', httpUrl: null, landingPages: [], config: null });
    expect(u!.baseUrl.href).toBe('https://beta.test/mautic');
  });

  it('reads German headers, ";" and Windows-1252 (Excel on Windows)', () => {
    const text = 'Mandant;Installation;Basis-URL;Landingpages;Formulare;Datenschutzerklärung;SSH\r\n' + 'Müller & Söhne GmbH;Straße;https://mautic.müller.test/;https://müller.test/ä;;https://müller.test/datenschutz;deploy@mautic.test:2222\r\n';
    const [t] = targets(cp1252(text));
    expect(t!.client).toBe('Müller & Söhne GmbH');
    expect(t!.installation).toBe('Straße');
    expect(t!.baseUrl.hostname).toBe('mautic.xn--mller-kva.test');
    expect(t!.landingPages).toHaveLength(1);
    expect(t!.privacyPolicyUrl?.pathname).toBe('/datenschutz');
    expect(t!.config).toEqual({ kind: 'ssh', username: 'deploy', host: 'mautic.test', port: 2222 });
  });

  it('takes an SSH login in the config column and honours a sep= line', () => {
    const [t] = targets(utf8('sep=,\nMandant,url,config\nA,https://a.test/,www@a.test\n'));
    expect(t!.config).toEqual({ kind: 'ssh', username: 'www', host: 'a.test', port: 22 });
  });

  it('reports every bad row at once, with row, column and why, and returns no targets', () => {
    const result = parseTargets(
      utf8(
        'Mandant;Basis-URL;HTTP URL;Seiten;ssh\n' +
          'A;http://a.test/;;;\n' +
          ';https://b.test/;;;\n' +
          'C;https://c .test/;;;\n' +
          'D;https://d.test/;https://d.test/;mailto:x@d.test;bad login\n' +
          'E;https://e.test/;;;\n' +
          'F;https://e.test/;;;\n' +
          ';;;;\n',
      ),
      DIR,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 2, column: 'Basis-URL', code: 'not-https', value: 'http://a.test/' },
      { row: 3, column: 'Mandant', code: 'missing-client', value: '' },
      { row: 4, column: 'Basis-URL', code: 'bad-url', value: 'https://c .test/' },
      { row: 5, column: 'HTTP URL', code: 'not-http', value: 'https://d.test/' },
      { row: 5, column: 'Seiten', code: 'bad-url', value: 'mailto:x@d.test' },
      { row: 5, column: 'ssh', code: 'bad-ssh', value: 'bad login' },
      { row: 7, column: 'Basis-URL', code: 'duplicate-target', value: 'https://e.test/' },
    ]);
  });

  it('refuses unknown and missing columns, and an empty file', () => {
    const unknown = parseTargets(utf8('client,base URL,colour\nA,https://a.test/,red\n'), DIR);
    expect(unknown).toEqual({ ok: false, errors: [{ row: 1, column: 'colour', code: 'unknown-column', value: 'colour' }] });
    const missing = parseTargets(utf8('installation,pages\nx,\n'), DIR);
    expect(missing.ok ? [] : missing.errors.map((e) => e.code)).toEqual(['missing-column', 'missing-column']);
    expect(parseTargets(utf8(''), DIR)).toEqual({ ok: false, errors: [{ row: 1, column: '', code: 'empty-file', value: '' }] });
    expect(parseTargets(utf8('client,url\n\n'), DIR).ok).toBe(false);
  });

  it('never throws on arbitrary bytes', () => {
    for (const bytes of [Uint8Array.from([0xff, 0xfe, 0x00, 0xd8]), utf8('"unterminated;\n"x'), utf8('\u0000;\u0000\n;')]) {
      expect(() => parseTargets(bytes, DIR)).not.toThrow();
    }
  });
});
