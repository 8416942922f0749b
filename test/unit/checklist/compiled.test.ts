import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistCodeSha256, compiledChecklist, loadCompiledChecklist } from '../../../electron/core/checklist/compiled';
import { defaultChecklistDir, listChecklists, parseChecklist } from '../../../electron/core/checklist/load';

// The build writes the shipped checklists as JSON (compiled.ts); the CLI then reads that instead of parsing YAML.
describe('compiled checklists', () => {
  it.each(listChecklists())('%s survives the trip through JSON unchanged', (id) => {
    const file = path.join(defaultChecklistDir(), `${id}.yaml`);
    const parsed = parseChecklist(readFileSync(file, 'utf8'), file, id);
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
  });

  it('are tied to the checklist code that made them: the sources give another fingerprint than dist/', () => {
    // Under vitest the code is the .ts sources, so a compiled file from `npm run build` is never used here.
    expect(checklistCodeSha256()).toMatch(/^[0-9a-f]{64}$/);
    expect(compiledChecklist('mautic-dsgvo', readFileSync(path.join(defaultChecklistDir(), 'mautic-dsgvo.yaml'), 'utf8'))).toBeNull();
  });

  it('are never looked for by path, by a strange id or for a checklist that does not exist', () => {
    for (const idOrPath of ['checklists/mautic-dsgvo.yaml', 'mautic-dsgvo.yaml', '../mautic-dsgvo', 'Mautic', 'nope']) expect(loadCompiledChecklist(idOrPath), idOrPath).toBeNull();
  });
});
