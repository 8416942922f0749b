// What the built CLI loads: each command loads only what it uses, so `pruefstand --help` starts fast and an audit
// loads no report, SSH or PHP library it does not need. No timings here: the list of loaded packages is the test.
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const dir = tempDir('pruefstand-cli-startup-');
const hook = path.join(dir, 'record-loaded.cjs');
// Preloaded into the CLI: at exit, writes every CommonJS module the process loaded to $PRUEFSTAND_LOADED_OUT.
writeFileSync(
  hook,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.PRUEFSTAND_LOADED_OUT, JSON.stringify(Object.keys(require.cache))));\n`,
);

/** Bytes of our own built code among `files` (the bundled CLI and its chunks), node_modules left out. */
const ourCodeBytes = (files: string[]) => files.filter((f) => !/node_modules/.test(f) && f.endsWith('.js')).reduce((sum, f) => sum + statSync(f).size, 0);

const REPORT_LIBS = ['pdfkit', 'fontkit', 'exceljs', 'yazl', 'yauzl'];
const HEAVY = [...REPORT_LIBS, 'ssh2', 'php-parser', 'better-sqlite3', 'zod', 'yaml', 'htmlparser2'];

let runs = 0;
/** Runs the CLI and returns its exit code and the npm packages it loaded. */
async function loadedBy(args: string[]): Promise<{ code: number | null; stderr: string; packages: Set<string>; files: string[] }> {
  const out = path.join(dir, `loaded-${++runs}.json`);
  const r = await runCli(args, { NODE_OPTIONS: `--require ${hook}`, PRUEFSTAND_LOADED_OUT: out });
  const files = JSON.parse(readFileSync(out, 'utf8')) as string[];
  const packages = new Set(files.flatMap((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1] ?? []));
  return { code: r.code, stderr: r.stderr, packages, files };
}

describe('what the CLI loads', () => {
  it('--help, --version and a usage error load no library at all', async () => {
    for (const args of [['--help'], ['--version'], ['audit'], ['frobnicate']]) {
      const r = await loadedBy(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(args[0]!.startsWith('--') ? 0 : 2);
      expect([...r.packages], args.join(' ')).toEqual([]);
      // Neither the engine's probes, checks, reports nor its SSH session: the entry and a few small chunks of texts
      // and argument rules (under 128 KiB), where the engine's chunk alone is some 300 KiB.
      expect(ourCodeBytes(r.files), args.join(' ')).toBeLessThan(128 * 1024);
    }
  });

  describe('an audit', () => {
    const servers: RunningServer[] = [];
    const caFile = path.join(dir, 'ca.pem');
    let site: { url: string; httpUrl: string };
    beforeAll(async () => {
      const ca = makeCa();
      writeFileSync(caFile, ca.certPem);
      const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
      const http = await startHttp(redirectHandler(https.port));
      servers.push(https, http);
      site = { url: https.url, httpUrl: http.url };
    });
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.close()));
    });

    it('without SSH, PHP config or a report loads neither ssh2, php-parser nor a report library', async () => {
      const r = await loadedBy(['audit', site.url, '--ca', caFile, '--http-url', site.httpUrl, '--db', path.join(dir, 'a.db'), '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      // What an audit does need is there: the store and the HTML parser.
      expect([...r.packages]).toEqual(expect.arrayContaining(['better-sqlite3', 'htmlparser2']));
      for (const lib of ['ssh2', 'php-parser', ...REPORT_LIBS]) expect(r.packages.has(lib), lib).toBe(false);
      // The shipped checklist comes compiled by the build: neither the YAML parser nor the schema library.
      for (const lib of ['yaml', 'zod']) expect(r.packages.has(lib), lib).toBe(false);
      // Our code comes bundled (dist/electron/cli.js and cli-chunks/), not as ~200 modules of dist/electron/core.
      const unbundled = r.files.filter((f) => /[\\/]dist[\\/]electron[\\/]core[\\/]/.test(f));
      expect(unbundled.map((f) => path.relative(process.cwd(), f))).toEqual([]);
      expect(r.files.some((f) => /[\\/]dist[\\/]electron[\\/]cli-chunks[\\/]/.test(f))).toBe(true);
    });

    it('with a checklist file of its own parses and validates it (yaml, zod) and audits the same', async () => {
      const own = path.join(dir, 'own.yaml');
      copyFileSync(path.resolve(__dirname, '../../checklists/mautic-dsgvo.yaml'), own);
      const json = (name: string) => path.join(dir, name);
      const common = ['audit', site.url, '--ca', caFile, '--http-url', site.httpUrl, '--quiet'];
      const parsed = await loadedBy([...common, '--db', path.join(dir, 'c.db'), '--checklist', own, '--json', json('own.json')]);
      expect(parsed.code, parsed.stderr).toBe(0);
      expect(parsed.packages.has('yaml') && parsed.packages.has('zod')).toBe(true);
      const compiled = await loadedBy([...common, '--db', path.join(dir, 'd.db'), '--json', json('shipped.json')]);
      expect(compiled.code, compiled.stderr).toBe(0);
      const items = (file: string) => (JSON.parse(readFileSync(json(file), 'utf8')) as { items: { id: string; title: string; checks: { id: string; status: string }[] }[] }).items.map((i) => ({ id: i.id, title: i.title, checks: i.checks.map((c) => [c.id, c.status]) }));
      expect(items('shipped.json')).toEqual(items('own.json'));
    });

    it('with a PDF report loads pdfkit, still not ssh2', async () => {
      const pdf = path.join(dir, 'a.pdf');
      const r = await loadedBy(['audit', site.url, '--ca', caFile, '--http-url', site.httpUrl, '--db', path.join(dir, 'b.db'), '--quiet', '--pdf', pdf]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.packages.has('pdfkit')).toBe(true);
      expect(r.packages.has('ssh2')).toBe(false);
    });
  });

  it('the heavy libraries are named as the packages the hook reports', () => {
    // Guards the test itself: a renamed package would make the checks above pass vacuously.
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const lib of HEAVY.filter((l) => l !== 'fontkit')) expect(Object.keys(pkg.dependencies), lib).toContain(lib);
  });
});
