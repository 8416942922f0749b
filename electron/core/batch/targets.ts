// A targets file (CSV) → the installations of a batch audit. Every bad row is reported at once, with its row,
// column and why; a file with any bad row yields no targets at all (nothing of it is audited).
import path from 'node:path';
import { declaredSeparator, decodeText, parseCsv, type Separator } from '../registers/csv';
import { columnOfHeader, type TargetColumn } from './target-columns';

export type TargetConfig =
  | { kind: 'files'; localPhpPath: string | null; crontabPath: string | null }
  | { kind: 'ssh'; username: string; host: string; port: number };

export interface BatchTarget {
  /** The row of the targets file (the header is row 1). */
  row: number;
  client: string;
  installation: string;
  baseUrl: URL;
  httpUrl: URL | null;
  landingPages: URL[];
  formUrls: URL[];
  privacyPolicyUrl: URL | null;
  config: TargetConfig | null;
}

export const TARGET_ERROR_CODES = [
  'empty-file', 'missing-column', 'unknown-column', 'duplicate-column', 'missing-client', 'missing-url', 'bad-url', 'not-https',
  'not-http', 'bad-ssh', 'config-and-ssh', 'duplicate-target',
] as const;
export type TargetErrorCode = (typeof TARGET_ERROR_CODES)[number];

export interface TargetError {
  row: number;
  /** The header as written in the file (or the expected one, for a missing column). */
  column: string;
  code: TargetErrorCode;
  /** The offending value as written ('' when it is missing). */
  value: string;
}

export type TargetsParse = { ok: true; targets: BatchTarget[] } | { ok: false; errors: TargetError[] };

const SSH_LOGIN = /^([^@\s:/]+)@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::(\d{1,5}))?$/;

function separatorOf(text: string): { separator: Separator; body: string } {
  const declared = declaredSeparator(text);
  if (declared) return { separator: declared.separator, body: declared.rest };
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  const separator: Separator = count('\t') > Math.max(count(';'), count(',')) ? '\t' : count(';') >= count(',') && count(';') > 0 ? ';' : ',';
  return { separator, body: text };
}

function parseSshLogin(raw: string): TargetConfig | null {
  const m = SSH_LOGIN.exec(raw);
  const port = m?.[3] === undefined ? 22 : Number(m[3]);
  if (!m || !m[1] || !m[2] || port < 1 || port > 65535) return null;
  return { kind: 'ssh', username: m[1], host: m[2].replace(/^\[|\]$/g, ''), port };
}

/** Reads the targets file's bytes; relative config and crontab paths resolve against `baseDir` (the file's folder). */
export function parseTargets(bytes: Uint8Array, baseDir: string): TargetsParse {
  const { separator, body } = separatorOf(decodeText(bytes));
  const records = parseCsv(body, separator);
  const errors: TargetError[] = [];
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, errors: [{ row: 1, column: '', code: 'empty-file', value: '' }] };

  const columns = new Map<TargetColumn, number>();
  const written = new Map<TargetColumn, string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const column = columnOfHeader(name);
    if (!column) errors.push({ row: 1, column: name, code: 'unknown-column', value: name });
    else if (columns.has(column)) errors.push({ row: 1, column: name, code: 'duplicate-column', value: name });
    else {
      columns.set(column, index);
      written.set(column, name);
    }
  });
  for (const required of ['client', 'baseUrl'] as const) {
    if (!columns.has(required)) errors.push({ row: 1, column: required === 'client' ? 'client' : 'base URL', code: 'missing-column', value: '' });
  }
  if (errors.length) return { ok: false, errors };

  const targets: BatchTarget[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((f) => f.trim() === '')) return;
    const rowErrors: TargetError[] = [];
    const cell = (c: TargetColumn) => {
      const index = columns.get(c);
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    const fail = (c: TargetColumn, code: TargetErrorCode, value: string) => rowErrors.push({ row, column: written.get(c) ?? c, code, value });
    const url = (c: TargetColumn, raw: string, scheme: 'https:' | 'http:' | 'web', assumeHttps = false): URL | null => {
      let parsed: URL;
      try {
        parsed = new URL(assumeHttps && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? `https://${raw}` : raw);
      } catch {
        fail(c, 'bad-url', raw);
        return null;
      }
      const ok = scheme === 'web' ? parsed.protocol === 'https:' || parsed.protocol === 'http:' : parsed.protocol === scheme;
      if (!ok) fail(c, scheme === 'http:' ? 'not-http' : scheme === 'https:' ? 'not-https' : 'bad-url', raw);
      return ok ? parsed : null;
    };
    const urlList = (c: TargetColumn) =>
      cell(c)
        .split(/[\s|]+/)
        .filter(Boolean)
        .map((raw) => url(c, raw, 'web'))
        .filter((u): u is URL => u !== null);

    const client = cell('client');
    if (!client) fail('client', 'missing-client', '');
    const rawBase = cell('baseUrl');
    const baseUrl = rawBase ? url('baseUrl', rawBase, 'https:', true) : null;
    if (!rawBase) fail('baseUrl', 'missing-url', '');
    const rawHttp = cell('httpUrl');
    const httpUrl = rawHttp ? url('httpUrl', rawHttp, 'http:') : null;
    const landingPages = urlList('pages');
    const formUrls = urlList('forms');
    const rawPolicy = cell('privacyPolicy');
    const privacyPolicyUrl = rawPolicy ? url('privacyPolicy', rawPolicy, 'web') : null;
    const config = configOf(cell('config'), cell('crontab'), cell('ssh'), baseDir, fail);

    if (baseUrl) {
      const earlier = seen.get(baseUrl.href);
      if (earlier !== undefined) fail('baseUrl', 'duplicate-target', rawBase);
      else seen.set(baseUrl.href, row);
    }
    if (rowErrors.length || !baseUrl) {
      errors.push(...rowErrors);
      return;
    }
    const installation = cell('installation') || `${baseUrl.host}${baseUrl.pathname === '/' ? '' : baseUrl.pathname}`;
    targets.push({ row, client, installation, baseUrl, httpUrl, landingPages, formUrls, privacyPolicyUrl, config });
  });
  if (errors.length) return { ok: false, errors };
  if (targets.length === 0) return { ok: false, errors: [{ row: 2, column: '', code: 'empty-file', value: '' }] };
  return { ok: true, targets };
}

/** The config column holds a local.php path or (as the issue allows) an SSH login; crontab and ssh have their own. */
function configOf(config: string, crontab: string, ssh: string, baseDir: string, fail: (c: TargetColumn, code: TargetErrorCode, value: string) => void): TargetConfig | null {
  const configIsLogin = config !== '' && SSH_LOGIN.test(config) && !config.includes('/');
  const login = ssh || (configIsLogin ? config : '');
  if (login) {
    if ((ssh && config) || crontab) {
      fail(ssh ? 'ssh' : 'config', 'config-and-ssh', login);
      return null;
    }
    const parsed = parseSshLogin(login);
    if (!parsed) fail(ssh ? 'ssh' : 'config', 'bad-ssh', login);
    return parsed;
  }
  if (!config && !crontab) return null;
  const resolve = (p: string) => (p ? path.resolve(baseDir, p) : null);
  return { kind: 'files', localPhpPath: resolve(config), crontabPath: resolve(crontab) };
}
