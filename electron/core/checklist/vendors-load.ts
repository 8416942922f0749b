import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { VendorCatalogue } from '../../shared/vendors';
import { ChecklistError, formatProblem } from './checklist-error';
import { describeIssue, formatPath, locate, type PathSegment } from './errors';
import { compiledVendorCatalogue, SHIPPED_VENDORS, shippedVendorsFile } from './vendors-compiled';
import { vendorCatalogueSchema } from './vendors-schema';

export { ChecklistError } from './checklist-error';

/**
 * The vendor catalogue. No file: the shipped one (checklists/vendors.yaml; its compiled form when current, see
 * vendors-compiled.ts). A file: the user's own, parsed and validated. Throws ChecklistError naming file, line and
 * column for a missing file, bad YAML or bad data.
 */
export function loadVendorCatalogue(file?: string): VendorCatalogue {
  const target = file === undefined ? shippedVendorsFile() : path.resolve(file);
  let source: string;
  try {
    source = readFileSync(target, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ChecklistError(target, null, null, '', code === 'ENOENT' ? 'vendor catalogue not found' : `cannot read the vendor catalogue: ${(err as Error).message}`);
  }
  if (file === undefined) return compiledVendorCatalogue(source) ?? parseVendorCatalogue(source, target, SHIPPED_VENDORS);
  return parseVendorCatalogue(source, target, target);
}

interface Problem {
  line: number;
  column: number;
  path: string;
  problem: string;
}

/** Parses and validates catalogue YAML; `file` is used in error messages, `source` names the catalogue. */
export function parseVendorCatalogue(text: string, file: string, source: string = file): VendorCatalogue {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw toError(
      file,
      doc.errors.map((e) => {
        const { line, col } = lc.linePos(e.pos[0]);
        return { line, column: col, path: '', problem: `invalid YAML: ${e.message.split('\n')[0]}` };
      }),
    );
  }
  const result = vendorCatalogueSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    throw toError(
      file,
      result.error.issues.map((issue) => {
        let at: PathSegment[] = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
        let atKey = false;
        if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
          at = [...at, issue.keys[0]];
          atKey = true;
        }
        const { line, column } = locate(doc, lc, at, atKey);
        return { line, column, path: formatPath(at), problem: describeIssue(issue) };
      }),
    );
  }
  return { source, vendors: result.data.vendors };
}

function toError(file: string, problems: Problem[]): ChecklistError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0]!;
  return new ChecklistError(file, first.line, first.column, first.path, first.problem, sorted.map((p) => formatProblem(file, p.line, p.column, p.path, p.problem)));
}
