// exceljs must load only when a spreadsheet is read or written: no file of core/registers imports it at the top.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../electron/core/package-root';

describe('core/registers and exceljs', () => {
  it('imports exceljs only as types or through import()', async () => {
    const dir = path.join(packageRoot(), 'electron/core/registers');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'exceljs'/gm)) if (!m[1]) found.push(`${file}: ${m[0]}`);
      if (/require\(\s*'exceljs'\s*\)/.test(source)) found.push(`${file}: require`);
    }
    expect(found).toEqual([]);
    expect(await readFile(path.join(dir, 'exceljs.ts'), 'utf8')).toContain("await import('exceljs')");
  });
});
