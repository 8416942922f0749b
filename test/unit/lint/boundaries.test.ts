// Proves that eslint.config.mjs enforces the process boundaries of ARCHITECTURE.md: for each folder a
// violating import is a no-restricted-imports error and an allowed import is not. Files need not exist.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');

interface Case {
  file: string;
  banned: string[];
  allowed: string[];
}

const CASES: Case[] = [
  {
    file: 'electron/shared/contract.ts',
    banned: ['electron', 'electron/main', 'node:fs', 'fs', 'path', 'react', '../core/audit/run', '../main/ipc',
      '../preload/index', '../../renderer/src/api', './../core/store/db', 'electron/core/store/db'],
    allowed: ['zod', 'zod/mini', './domain'],
  },
  {
    file: 'electron/core/audit/run.ts',
    banned: ['electron', 'electron/main', 'electron/common', '../../main/ipc', '../../preload/index',
      '../../../renderer/src/api', '../../../electron/main/window'],
    allowed: ['../../shared/domain', '../checks/index', '../probes/index', '../store/db', 'node:fs/promises', 'yaml'],
  },
  {
    file: 'electron/core/checks/tls.ts',
    banned: ['electron', '../../main/ipc', '../net/client', '../net', '../net/types/extra', '../store/db', '../store',
      '../audit/run', 'fs', 'node:fs', 'node:fs/promises', 'http', 'https', 'node:http', 'node:https', 'net',
      'node:net', 'tls', 'node:tls', 'child_process', 'node:child_process', '../../core/net/client'],
    allowed: ['../net/types', '../probes/types', '../../shared/domain', './outcome', 'node:crypto'],
  },
  {
    file: 'electron/core/probes/tls-protocols.ts',
    banned: ['electron', '../../main/ipc', '../checks/tls', '../checks', '../store/db', '../../core/checks/types'],
    allowed: ['../net/client', '../net/types', 'node:tls', '../../shared/domain', './types'],
  },
  {
    file: 'electron/core/registers/read.ts',
    banned: ['electron', 'node:fs', 'fs', 'node:fs/promises', 'node:http', '../store', '../store/db', '../net/client', '../checks/dpa', '../audit/run', '../reports/xlsx', '../../main/ipc'],
    allowed: ['exceljs', 'node:path', '../../shared/registers', './columns', '../../shared/domain'],
  },
  {
    file: 'electron/core/findings-xlsx/read.ts',
    banned: ['electron', 'node:fs', 'fs', 'node:fs/promises', 'node:http', '../store', '../store/db', '../store/findings', '../net/client',
      '../audit/run', '../service/findings', '../reports/xlsx', '../reports', '../reports/xlsx-table', '../../cli/findings-texts', '../../main/ipc'],
    allowed: ['exceljs', 'node:crypto', '../registers/values', '../registers/read-xlsx', '../../shared/cell-text', '../../shared/findings', './columns'],
  },
  {
    file: 'electron/core/crypto/keyring.ts',
    banned: ['electron', '../store', '../store/db', '../net/client', '../probes/types', '../audit/run', '../evidence-sink',
      '../../main/ipc', '../../cli/texts', '../../../renderer/src/api', 'zod', 'better-sqlite3', './../store/db',
      '../../shared/../core/store/db', '../shared/domain'],
    allowed: ['node:crypto', 'node:fs', 'fs', 'node:path', 'path', '../../shared/domain', './aead', './errors'],
  },
  {
    file: 'electron/preload/index.ts',
    banned: ['node:fs', 'fs', 'zod', 'electron/main', '../core/audit/run', '../main/ipc', '../shared/../main/ipc',
      '../../renderer/src/api'],
    allowed: ['electron', '../shared/contract', '../shared/domain'],
  },
  {
    file: 'electron/bridge/server.ts',
    banned: ['electron', 'electron/main', '../main/ipc', '../main/window', '../preload/index', '../../renderer/src/api'],
    allowed: ['../main/protocol-path', '../core/service', '../shared/contract', 'node:http', 'node:crypto'],
  },
  {
    file: 'renderer/src/views/Overview.tsx',
    banned: ['electron', 'electron/renderer', 'node:fs', 'fs', 'path', 'child_process', '../../../electron/core/audit/run',
      '../../../electron/main/ipc', '../../../electron/preload/index', '../../../electron/shared/../core/store/db',
      '../../../electron/cli'],
    allowed: ['react', 'react-dom/client', '../../../electron/shared/domain', '../../../electron/shared/contract',
      '../api', './Row', '../i18n/de'],
  },
];

let eslint: ESLint;

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  if (result === undefined) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal === true);
  if (fatal.length > 0) throw new Error(`parse error in ${file}: ${fatal[0]?.message}`);
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
    .map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

describe.each(CASES)('import boundaries of $file', ({ file, banned, allowed }) => {
  it('is linted (not ignored) and has the rule on', async () => {
    expect(await eslint.isPathIgnored(path.join(repoRoot, file))).toBe(false);
    const config = (await eslint.calculateConfigForFile(path.join(repoRoot, file))) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['no-restricted-imports']).toBeDefined();
  });

  it.each(banned)('refuses %s', async (source) => {
    for (const code of [`import { x } from '${source}';\nexport { x };\n`, `export * from '${source}';\n`]) {
      expect(await restrictedImportErrors(file, code)).not.toHaveLength(0);
    }
  });

  it.each(allowed)('allows %s', async (source) => {
    expect(await restrictedImportErrors(file, `import { x } from '${source}';\nexport { x };\n`)).toEqual([]);
  });
});

describe('bypasses', () => {
  it('type-only imports are restricted too', async () => {
    const code = "import type { App } from 'electron';\nexport type { App };\n";
    expect(await restrictedImportErrors('electron/core/audit/run.ts', code)).not.toHaveLength(0);
  });

  it("dynamic import('electron') is refused in core", async () => {
    const [result] = await eslint.lintText("export const load = () => import('electron');\n", {
      filePath: path.join(repoRoot, 'electron/core/audit/run.ts'),
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });

  it("require('electron') is refused", async () => {
    const [result] = await eslint.lintText("export const e = require('electron');\n", {
      filePath: path.join(repoRoot, 'electron/core/audit/run.ts'),
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-require-imports');
  });

  it('electron/main may import electron and core', async () => {
    const code = "import { app } from 'electron';\nimport { x } from '../core/audit/run';\nexport { app, x };\n";
    expect(await restrictedImportErrors('electron/main/index.ts', code)).toEqual([]);
  });
});
