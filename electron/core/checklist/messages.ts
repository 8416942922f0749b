import type { Finding, Lang, ParamValue, Params } from '../../shared/domain';
import type { Checklist, ChecklistCheck, ChecklistItem } from './schema';

interface Index {
  checks: Map<string, { check: ChecklistCheck; item: ChecklistItem }>;
}

const indexes = new WeakMap<Checklist, Index>();

function indexOf(checklist: Checklist): Index {
  let index = indexes.get(checklist);
  if (!index) {
    index = { checks: new Map() };
    for (const item of checklist.items) for (const check of item.checks) index.checks.set(check.id, { check, item });
    indexes.set(checklist, index);
  }
  return index;
}

/** The check with this id, or undefined when the checklist has none. */
export function findCheck(checklist: Checklist, checkId: string): ChecklistCheck | undefined {
  return indexOf(checklist).checks.get(checkId)?.check;
}

/** The item that holds the check with this id. */
export function findItemOfCheck(checklist: Checklist, checkId: string): ChecklistItem | undefined {
  return indexOf(checklist).checks.get(checkId)?.item;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A param as text; a calendar date (YYYY-MM-DD, as findings carry them) as German readers write it in German. */
export function formatParam(value: ParamValue, lang: Lang = 'en'): string {
  if (Array.isArray(value)) return value.map((v) => formatParam(v, lang)).join(', ');
  const date = lang === 'de' && typeof value === 'string' ? ISO_DATE.exec(value) : null;
  return date ? `${date[3]}.${date[2]}.${date[1]}` : String(value);
}

/** Replaces `{name}` with the param; a placeholder without a param stays visible as `{name}`. */
export function interpolate(template: string, params: Params = {}, lang: Lang = 'en'): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? formatParam(params[name]!, lang) : whole,
  );
}

/**
 * The finding as text in `lang`: the check's own message for the code, else the checklist's common message.
 * An unknown code renders as the code with its params, so nothing the check observed is lost.
 */
export function renderFinding(checklist: Checklist, checkId: string, finding: Finding, lang: Lang): string {
  const template = findCheck(checklist, checkId)?.messages[finding.code] ?? checklist.commonMessages[finding.code];
  if (template) return interpolate(template[lang], finding.params, lang);
  const params = Object.entries(finding.params ?? {}).map(([k, v]) => `${k}=${formatParam(v)}`);
  return params.length ? `${finding.code} (${params.join('; ')})` : finding.code;
}
