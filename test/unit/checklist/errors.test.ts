import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecklistError, loadChecklist } from '../../../electron/core/checklist/load';

// A small valid checklist; the tests change one line and expect the error on that line.
const VALID = `id: mini
version: 1.0.0
title: {de: Mini, en: Mini}
severityWeights: {critical: 4, high: 3, medium: 2, low: 1}
verdictCredit: {pass: 1, warn: 0.5, fail: 0}
commonMessages:
  probe-error: {de: 'Fehler {error}', en: 'Error {error}'}
  not-automated: {de: Manuell, en: Manual}
items:
  - id: first
    number: 1
    severity: high
    gdpr: ['Art. 32']
    title:
      de: Erstes
      en: First
    description: {de: Beschreibung, en: Description}
    advice: {de: Rat, en: Advice}
    checks:
      - id: area.one
        title: {de: Eins, en: One}
        manual: {de: Schauen, en: Look}
        messages:
          ok: {de: 'Gut {x}', en: 'Good {x}'}
  - id: second
    number: 2
    severity: low
    gdpr: ['Art. 5(1)(e)']
    title: {de: Zweites, en: Second}
    description: {de: B, en: D}
    advice: {de: R, en: A}
    checks:
      - id: area.two
        title: {de: Zwei, en: Two}
        manual: {de: S, en: L}
`;

const dir = mkdtempSync(path.join(tmpdir(), 'pruefstand-checklist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes VALID with line `line` (1-based) replaced (null: removed), returns the file path. */
function variant(line: number, replacement: string | null, name = `case-${++n}.yaml`): string {
  const lines = VALID.split('\n');
  if (replacement === null) lines.splice(line - 1, 1);
  else lines[line - 1] = replacement;
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

function errorOf(fn: () => unknown): ChecklistError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ChecklistError);
    return err as ChecklistError;
  }
  throw new Error('expected a ChecklistError');
}

function expectProblem(file: string, line: number, what: RegExp, at?: string): ChecklistError {
  const err = errorOf(() => loadChecklist(file));
  expect(err.file).toBe(file);
  expect(err.line).toBe(line);
  expect(err.message.split('\n')[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: `));
  expect(err.message).toMatch(what);
  if (at !== undefined) {
    expect(err.path).toBe(at);
    expect(err.message.split('\n')[0]!.endsWith(`(at ${at})`)).toBe(true);
  }
  return err;
}

describe('loadChecklist errors', () => {
  it('loads the valid base file by path and by id', () => {
    writeFileSync(path.join(dir, 'mini.yaml'), VALID);
    expect(loadChecklist(path.join(dir, 'mini.yaml')).items).toHaveLength(2);
    expect(loadChecklist('mini', { dir }).items[1]!.checks[0]!.messages).toEqual({});
  });

  it('reports YAML syntax errors with their line', () => {
    expectProblem(variant(17, '    description: de: Beschreibung'), 17, /invalid YAML: Nested mappings are not allowed/);
    expectProblem(variant(12, '\tseverity: high'), 12, /invalid YAML: Tabs are not allowed/);
    expectProblem(variant(27, '    number: 3'), 27, /invalid YAML: Map keys must be unique/);
  });

  it('reports a missing en title at the title', () => {
    const err = expectProblem(variant(16, null), 14, /missing required field "en"/, 'items[0].title.en');
    expect(err.column).toBe(5);
  });

  it('reports an empty text', () => {
    expectProblem(variant(29, "    title: {de: Zweites, en: ''}"), 29, /en must not be empty/, 'items[1].title.en');
  });

  it('reports a duplicated check id at the second use', () => {
    expectProblem(variant(33, '      - id: area.one'), 33, /duplicate check id "area\.one" \(first used at items\[0\]\.checks\[0\]\)/, 'items[1].checks[0].id');
  });

  it('reports a duplicated item id and numbers out of order', () => {
    expectProblem(variant(25, '  - id: first'), 25, /duplicate item id "first"/, 'items[1].id');
    expectProblem(variant(26, '    number: 5'), 26, /item number must be 2/, 'items[1].number');
  });

  it('reports an unknown severity with the allowed values', () => {
    const err = expectProblem(variant(27, '    severity: urgent'), 27, /unknown severity "urgent"; expected one of critical, high, medium, low/, 'items[1].severity');
    expect(err.column).toBe(15);
  });

  it('reports a wrong type', () => {
    expectProblem(variant(11, '    number: one'), 11, /number must be a number, got "one"/, 'items[0].number');
    expectProblem(variant(13, "    gdpr: 'Art. 32'"), 13, /gdpr must be a list, got "Art\. 32"/, 'items[0].gdpr');
  });

  it('reports malformed ids, unknown fields and weights', () => {
    expectProblem(variant(20, '      - id: AreaOne'), 20, /invalid id "AreaOne": expected an id like "area\.name"/, 'items[0].checks[0].id');
    const typo = expectProblem(variant(18, '    advise: {de: Rat, en: Advice}'), 10, /missing required field "advice"/, 'items[0].advice');
    expect(typo.problems[1]).toMatch(/:18:5: unknown field "advise" \(at items\[0\]\.advise\)$/);
    expectProblem(variant(4, 'severityWeights: {critical: 4, high: 3, medium: 2}'), 4, /missing required field "low"/, 'severityWeights.low');
    expectProblem(variant(13, "    gdpr: ['Article 32']"), 13, /invalid gdpr "Article 32": expected a reference like/, 'items[0].gdpr[0]');
  });

  it('reports translations whose placeholders differ, and a missing common message', () => {
    expectProblem(variant(24, "          ok: {de: 'Gut {x}', en: 'Good {y}'}"), 24, /placeholders differ between de \{x\} and en \{y\}/, 'items[0].checks[0].messages.ok.en');
    expectProblem(variant(8, null), 6, /missing message for the common code "not-automated"/, 'commonMessages');
  });

  it('lists every problem, the first one in the fields', () => {
    const lines = VALID.split('\n');
    lines[10] = '    number: one';
    lines[26] = '    severity: urgent';
    const file = path.join(dir, 'two-problems.yaml');
    writeFileSync(file, lines.join('\n'));
    const err = errorOf(() => loadChecklist(file));
    expect(err.line).toBe(11);
    expect(err.problems).toHaveLength(2);
    expect(err.message).toContain('1 more problem(s)');
    expect(err.problems[1]).toMatch(/:27:15: unknown severity/);
  });

  it('names the file it looked for and the available ids for an unknown id', () => {
    const err = errorOf(() => loadChecklist('no-such-list', { dir }));
    expect(err.file).toBe(path.join(dir, 'no-such-list.yaml'));
    expect(err.line).toBeNull();
    expect(err.message).toContain(path.join(dir, 'no-such-list.yaml'));
    expect(err.message).toMatch(/unknown checklist "no-such-list".*available: .*mini/);
  });

  it('rejects a file whose id does not match its name', () => {
    writeFileSync(path.join(dir, 'other.yaml'), VALID);
    const err = errorOf(() => loadChecklist('other', { dir }));
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/id "mini" does not match its file name "other\.yaml"/);
  });

  it('reports a missing file given by path', () => {
    const err = errorOf(() => loadChecklist(path.join(dir, 'gone.yaml')));
    expect(err.message).toBe(`${path.join(dir, 'gone.yaml')}: checklist file not found`);
  });
});
