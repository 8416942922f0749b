import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultStorePath } from '../core/store/paths';
import { isCalendarDate } from '../shared/dates';
import { SEVERITIES, type Lang } from '../shared/domain';
import { langOption, parseCommandArgs, UsageError } from './args';
import { dtext } from './dashboard-texts';
import { EXIT, type Io } from './exit-codes';
import { text } from './texts';
import { storeKeyOptions } from './open-store';

const OPTIONS = {
  client: { type: 'string' },
  pdf: { type: 'string' },
  json: { type: 'boolean' },
  today: { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
} as const;

/**
 * `pruefstand dashboard --client NAME --pdf FILE [--json] [--today YYYY-MM-DD] [--lang de|en] [--db FILE]`:
 * the client's dashboard ("Status of remediation") as a PDF, and/or the DashboardView as JSON on stdout.
 */
export async function dashboardCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const lang = langOption(values.lang, envLang);
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.client) throw new UsageError(dtext(lang, 'dashboardNeedClient'));
  if (!values.pdf && !values.json) throw new UsageError(dtext(lang, 'dashboardNeedOutput'));
  if (values.today !== undefined && !isCalendarDate(values.today)) throw new UsageError(dtext(lang, 'dashboardBadToday', { value: values.today }));
  const db = values.db ?? defaultStorePath();
  if (!existsSync(db)) throw new UsageError(text(lang, 'storeMissing', { db }));
  const [{ openStore }, { buildDashboard, utcToday }, { loadChecklist }] = await Promise.all([
    import('../core/store/index.js'),
    import('../core/service/dashboard.js'),
    import('../core/checklist/load.js'),
  ]);
  const store = openStore(db, storeKeyOptions());
  try {
    const client = store.clients.findByName(values.client);
    if (!client) throw new UsageError(dtext(lang, 'dashboardNoClient', { client: values.client, db }));
    const view = buildDashboard(store, loadChecklist('mautic-dsgvo'), { clientId: client.id }, { lang, today: values.today ?? utcToday() });
    if (values.json) io.stdout.write(JSON.stringify(view, null, 2) + '\n');
    if (values.pdf) {
      const file = path.resolve(values.pdf);
      const [{ writeClientDashboardPdf }, { engineVersion, TOOL_NAME }] = await Promise.all([import('../core/reports/pdf-client-dashboard.js'), import('../core/package-root.js')]);
      try {
        await writeClientDashboardPdf(view, { clientName: client.name, tool: { name: TOOL_NAME, version: engineVersion() } }, file, lang);
      } catch (err) {
        throw new UsageError(`${values.pdf}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const open = SEVERITIES.reduce((n, s) => n + view.openBySeverity[s], 0);
      // With --json on stdout, the note goes to stderr so that stdout stays one JSON document.
      (values.json ? io.stderr : io.stdout).write(dtext(lang, 'dashboardWritten', { file, installations: view.series.length, open, overdue: view.overdue.length }) + '\n');
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}
