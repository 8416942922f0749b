// exceljs must load only when a findings workbook is read or written: no file of core/findings-xlsx imports it at
// the top (the CLI's other findings commands never pay for it).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../electron/core/package-root';

describe('core/findings-xlsx and exceljs', () => {
  it('imports exceljs only as types', async () => {
    const dir = path.join(packageRoot(), 'electron/core/findings-xlsx');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('write.ts');
    const found: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'exceljs'/gm)) if (!m[1]) found.push(`${file}: ${m[0]}`);
      if (/require\(\s*'exceljs'\s*\)|import\(\s*'exceljs'\s*\)/.test(source)) found.push(`${file}: direct load`);
    }
    expect(found).toEqual([]);
  });
});
