#!/usr/bin/env node
import { EXIT, type Io } from './cli/exit-codes';
import { UsageError } from './cli/usage-error';
import { langFromEnv, text } from './cli/texts';
import { ChecklistError } from './core/checklist/checklist-error';
import { engineVersion } from './core/package-root';
import { StoreError } from './core/store/errors';
import { defaultStorePath } from './core/store/paths';

/**
 * The command-line face over core: `pruefstand audit …`, `pruefstand verify-store …`, `pruefstand verify <pack.zip>`.
 * Each command's module is loaded when that command runs, so `--help` and usage errors load no library at all.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const lang = langFromEnv(io.env);
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(text(lang, 'usage', { defaultDb: defaultStorePath() }) + '\n');
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`pruefstand ${engineVersion()}\n`);
      return EXIT.ok;
    }
    if (command === 'audit') return await (await import('./cli/audit-command.js')).auditCommand(rest, io, lang);
    if (command === 'verify-store') return (await import('./cli/verify-command.js')).verifyStoreCommand(rest, io, lang);
    if (command === 'verify') return await (await import('./cli/verify-pack-command.js')).verifyPackCommand(rest, io, lang);
    if (command === 'registers') return await (await import('./cli/registers-command.js')).registersCommand(rest, io, lang);
    if (command === 'findings') return await (await import('./cli/findings-command.js')).findingsCommand(rest, io, lang);
    if (command === 'attest') return await (await import('./cli/attest-command.js')).attestCommand(rest, io, lang);
    if (command === 'import') return await (await import('./cli/import-command.js')).importCommand(rest, io, lang);
    if (command === 'dashboard') return await (await import('./cli/dashboard-command.js')).dashboardCommand(rest, io, lang);
    if (command === 'pack') return await (await import('./cli/pack-command.js')).packCommand(rest, io, lang);
    if (command === 'report') return await (await import('./cli/report-command.js')).reportCommand(rest, io, lang);
    throw new UsageError(text(lang, 'unknownCommand', { command }));
  } catch (err) {
    if (err instanceof UsageError || err instanceof ChecklistError || err instanceof StoreError) {
      io.stderr.write(`${text(lang, 'errorPrefix')}: ${err instanceof StoreError ? err.textIn(lang) : err.message}\n`);
      if (err instanceof UsageError) io.stderr.write(text(lang, 'usageHint') + '\n');
      return EXIT.usage;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pruefstand: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
