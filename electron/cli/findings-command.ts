import { existsSync } from 'node:fs';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { Lang } from '../shared/domain';
import { FINDING_STATUSES, type FindingPatch, type FindingStatus, type TrackedFinding } from '../shared/findings';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { ftext } from './findings-texts';
import { severityLabel, text } from './texts';
import { defaultActor } from './who';
import { storeKeyOptions } from './open-store';

const OPTIONS = {
  client: { type: 'string' },
  status: { type: 'string' },
  owner: { type: 'string' },
  due: { type: 'string' },
  reason: { type: 'string' },
  expires: { type: 'string' },
  text: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  resolve: { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
} as const;
type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const subjectText = (f: TrackedFinding) => (f.subject ? `${f.checkId} — ${f.subject.replace(/^[a-z]+:/, '')}` : f.checkId);

function list(store: Store, target: string | undefined, values: Values, db: string, io: Io, lang: Lang): number {
  let statuses: FindingStatus[] | undefined;
  if (values.status) {
    statuses = values.status.split(',').map((s) => s.trim()) as FindingStatus[];
    const bad = statuses.find((s) => !FINDING_STATUSES.includes(s));
    if (bad !== undefined) throw new UsageError(ftext(lang, 'findingsBadFilter', { value: bad }));
  }
  const scope = scopeOf(store, target, values.client, db, lang);
  const findings: TrackedFinding[] = scope.installationId !== undefined ? store.findings.list(scope.installationId, statuses) : store.findings.listForClient(scope.clientId!, statuses);
  if (values.json) {
    io.stdout.write(JSON.stringify(findings, null, 2) + '\n');
    return EXIT.ok;
  }
  if (findings.length === 0) {
    io.stdout.write(ftext(lang, 'findingsNone') + '\n');
    return EXIT.ok;
  }
  io.stdout.write(ftext(lang, 'findingsHeader') + '\n');
  for (const f of findings) {
    io.stdout.write(`${pad(String(f.id), 5)}${pad(severityLabel(lang, f.severity), 10)}${pad(f.status, 16)}${pad(f.dueOn ?? '–', 12)}${pad(f.owner || '–', 22)}${subjectText(f)}\n`);
  }
  return EXIT.ok;
}

/** The installation (by its https URL) or the client (--client) a command is about. */
function scopeOf(store: Store, target: string | undefined, clientName: string | undefined, db: string, lang: Lang): { installationId?: number; clientId?: number } {
  if (target) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? target : `https://${target}`;
    const installation = store.installations.findByBaseUrl(new URL(url).href);
    if (!installation) throw new UsageError(ftext(lang, 'findingsNoInstallation', { url, db }));
    return { installationId: installation.id };
  }
  if (clientName) {
    const client = store.clients.findByName(clientName);
    if (!client) throw new UsageError(ftext(lang, 'findingsNoClient', { client: clientName, db }));
    return { clientId: client.id };
  }
  throw new UsageError(ftext(lang, 'findingsNeedTarget'));
}

function findingId(raw: string | undefined, lang: Lang): number {
  if (!raw) throw new UsageError(ftext(lang, 'findingsNeedId'));
  if (!/^\d+$/.test(raw)) throw new UsageError(ftext(lang, 'findingsBadId', { value: raw }));
  return Number(raw);
}

function show(store: Store, id: number, io: Io, lang: Lang): number {
  const f = store.findings.get(id);
  if (!f) throw new UsageError(ftext(lang, 'findingsBadId', { value: String(id) }));
  io.stdout.write(JSON.stringify(f, null, 2) + '\n' + ftext(lang, 'findingsHistory') + '\n');
  for (const e of store.findings.history(id)) {
    io.stdout.write(`  ${e.at}  ${e.kind.padEnd(9)} ${e.by}${e.runId ? ` (run ${e.runId})` : ''}  ${JSON.stringify(e.data)}\n`);
  }
  return EXIT.ok;
}

function set(store: Store, id: number, values: Values, io: Io, lang: Lang): number {
  const patch: FindingPatch = {};
  if (values.status !== undefined) {
    if (!['open', 'in-progress', 'accepted-risk', 'false-positive'].includes(values.status)) throw new UsageError(ftext(lang, 'findingsBadStatus', { value: values.status }));
    patch.status = values.status as FindingPatch['status'];
  }
  if (values.owner !== undefined) patch.owner = values.owner;
  if (values.due !== undefined) patch.dueOn = values.due || null;
  if (values.reason !== undefined) patch.reason = values.reason;
  if (values.expires !== undefined) patch.expiresOn = values.expires || null;
  if (Object.keys(patch).length === 0) throw new UsageError(ftext(lang, 'findingsNothingToSet'));
  const before = store.findings.history(id).length;
  store.findings.update(id, patch, values.by?.trim() || defaultActor(io.env));
  const history = store.findings.history(id);
  if (history.length === before) {
    io.stdout.write(ftext(lang, 'findingsUnchanged', { id }) + '\n');
    return EXIT.ok;
  }
  const changes = (history.at(-1)!.data.changes as { field: string; from: unknown; to: unknown }[]).map((c) => `${c.field} ${String(c.from ?? '–') || '–'} → ${String(c.to ?? '–') || '–'}`);
  io.stdout.write(ftext(lang, 'findingsUpdated', { id, changes: changes.join('; ') }) + '\n');
  return EXIT.ok;
}

/**
 * `pruefstand findings list <url>|--client NAME [--status S,…] [--json]`, `findings show <id>`,
 * `findings set <id> [--status S] [--owner NAME] [--due DATE] [--reason TEXT] [--expires DATE] [--by NAME]`,
 * `findings comment <id> --text TEXT [--by NAME]`
 */
export async function findingsCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const lang = langOption(values.lang, envLang);
  const [sub, arg, extra, more] = positionals;
  if (!sub) throw new UsageError(ftext(lang, 'findingsMissing'));
  if (!['list', 'show', 'set', 'comment', 'export', 'import'].includes(sub)) throw new UsageError(ftext(lang, 'findingsUnknown', { sub }));
  const unexpected = sub === 'export' ? more : extra;
  if (unexpected !== undefined) throw new UsageError(`unexpected argument: ${unexpected}`);
  const db = values.db ?? defaultStorePath();
  if (!existsSync(db)) throw new UsageError(text(lang, 'storeMissing', { db }));
  const { openStore } = await import('../core/store/index.js');
  const store = openStore(db, storeKeyOptions());
  try {
    if (sub === 'list') return list(store, arg, values, db, io, lang);
    if (sub === 'export' || sub === 'import') {
      if (!arg) throw new UsageError(ftext(lang, 'xlsxNeedFile'));
      const xlsx = await import('./findings-xlsx-command.js');
      if (sub === 'import') return await xlsx.importFindings(store, arg, { dryRun: values['dry-run'] ?? false, resolve: values.resolve, by: values.by?.trim() || defaultActor(io.env) }, io, lang);
      return await xlsx.exportFindings(store, arg, scopeOf(store, extra, values.client, db, lang), io, lang);
    }
    const id = findingId(arg, lang);
    if (sub === 'show') return show(store, id, io, lang);
    if (sub === 'set') return set(store, id, values, io, lang);
    if (!values.text?.trim()) throw new UsageError(ftext(lang, 'findingsNeedText'));
    store.findings.comment(id, values.text, values.by?.trim() || defaultActor(io.env));
    io.stdout.write(ftext(lang, 'findingsCommented', { id }) + '\n');
    return EXIT.ok;
  } finally {
    store.close();
  }
}
