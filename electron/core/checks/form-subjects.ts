// The forms the forms.* checks judge: from the form pages the auditor named and from the landing pages, with
// the findings every forms check shares (pages that could not be read, pages without a form, caps).
import type { Finding } from '../../shared/domain';
import type { ParsedForm } from '../probes/form-model';
import type { FormPageObservation, FormsObservation } from '../probes/forms';
import { MAX_FORM_PAGES } from '../probes/forms';
import type { ObservationMap } from '../probes/types';
import { errorFinding, finding, noAnswer } from './outcome';
import { PROBE_ERROR } from './types';

export interface FormSubject {
  /** The page as the auditor named it. */
  page: string;
  /** Where the page was read (the end of its redirect chain). */
  finalUrl: string;
  form: ParsedForm;
  /** How findings name the form. */
  label: string;
  evidence: string[];
}

export interface Gathered {
  subjects: FormSubject[];
  findings: Finding[];
  evidence: string[];
  privacyPolicyUrl: string | null;
}

/** Codes of the shared findings; every forms check declares them. */
export const COMMON_CODES = [
  'forms-none',
  'form-page-unreachable',
  'form-page-status',
  'form-page-not-html',
  'form-page-no-form',
  'form-embed-not-checked',
  'forms-incomplete',
  'form-pages-capped',
  PROBE_ERROR,
];

/** The form's name in findings: Mautic's form name (with its id), else the HTML id, else its position. */
export function formLabel(form: ParsedForm): string {
  if (form.name) return form.formId ? `${form.name} (formId=${form.formId})` : form.name;
  return form.id ?? `<form> ${form.index}`;
}

const finalUrlOf = (p: { url: string; chain: string[] }) => p.chain[p.chain.length - 1] ?? p.url;

/** `/form/generate.js?id=N` scripts and `/form/N` or `/form/embed/N` frames: a form the page loads at run time. */
function embeddedFormUrl(raw: string | null, kind: string): string | null {
  if (!raw) return null;
  const u = new URL(raw);
  if (kind === 'script' && u.pathname.endsWith('/form/generate.js')) {
    const id = u.searchParams.get('id');
    return id && /^\d+$/.test(id) ? `${u.origin}${u.pathname.slice(0, -'generate.js'.length)}${id}` : null;
  }
  const m = kind === 'iframe' ? /^(.*\/form\/)(?:embed\/)?(\d+)\/?$/.exec(u.pathname) : null;
  return m ? `${u.origin}${m[1]}${m[2]}` : null;
}

function judgeable(p: FormPageObservation, findings: Finding[]): boolean {
  if (p.status === null) {
    findings.push(noAnswer('form-page-unreachable', p.error, { page: p.url }));
  } else if (p.status < 200 || p.status > 299) {
    findings.push(errorFinding('form-page-status', 'http-status', { page: p.url, status: p.status }));
  } else if (p.notHtml) {
    findings.push(errorFinding('form-page-not-html', 'content', { page: p.url, contentType: p.contentType ?? '–' }));
  } else return true;
  return false;
}

/**
 * Collects the forms to judge. `include` picks the forms the check looks at (Mautic forms only, or also
 * other forms that ask for personal data). Unreadable pages become error findings, never a pass.
 */
export function gatherForms(forms: FormsObservation, landing: ObservationMap['landing-pages'], include: (f: ParsedForm) => boolean): Gathered {
  const subjects: FormSubject[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const incomplete: string[] = [];
  const seen = new Set<string>();
  const add = (page: string, finalUrl: string, list: ParsedForm[], ev: string[]) => {
    const chosen = list.filter(include);
    for (const form of chosen) subjects.push({ page, finalUrl, form, label: formLabel(form), evidence: ev });
    return chosen.length;
  };

  for (const p of forms.pages) {
    seen.add(p.url).add(finalUrlOf(p));
    if (!judgeable(p, findings)) {
      evidence.push(...p.evidence);
      continue;
    }
    if (!add(p.url, finalUrlOf(p), p.forms, p.evidence)) {
      findings.push(finding('form-page-no-form', 'warn', { page: p.url }));
      evidence.push(...p.evidence);
    }
    if (p.bodyTruncated || p.formsTruncated) incomplete.push(p.url);
  }
  const answered = landing.pages.filter((p) => p.status !== null);
  const landingUrls = new Set(answered.flatMap((p) => [p.url, finalUrlOf(p)]));
  const warned = new Set<string>();
  for (const p of answered) {
    if (seen.has(p.url) || seen.has(finalUrlOf(p))) continue;
    const partial = p.bodyTruncated || p.forms.some((f) => f.truncated);
    if (add(p.url, finalUrlOf(p), p.forms, p.evidence) && partial) incomplete.push(p.url);
    for (const r of p.resources) {
      const url = embeddedFormUrl(r.url, r.kind);
      if (!url || seen.has(url) || landingUrls.has(url) || warned.has(url)) continue;
      warned.add(url);
      findings.push(finding('form-embed-not-checked', 'warn', { page: p.url, url }));
      evidence.push(...p.evidence);
    }
  }
  if (incomplete.length) findings.push(finding('forms-incomplete', 'warn', { pages: incomplete }));
  if (forms.skipped > 0) findings.push(finding('form-pages-capped', 'warn', { limit: MAX_FORM_PAGES, skipped: forms.skipped }));
  return { subjects, findings, evidence, privacyPolicyUrl: forms.privacyPolicyUrl };
}
