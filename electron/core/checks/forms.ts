import type { Finding } from '../../shared/domain';
import type { ParsedField, ParsedForm } from '../probes/form-model';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { COMMON_CODES, gatherForms, type FormSubject, type Gathered } from './form-subjects';
import { isPrivacyLink, readsLikeConsent } from './form-vocabulary';
import { finding, outcome, probeError } from './outcome';
import { defineCheck, type CheckOutcome } from './types';

type Needed = { forms: ProbeResult<ObservationMap['forms']>; 'landing-pages': ProbeResult<ObservationMap['landing-pages']> };

const mauticOnly = (f: ParsedForm) => f.mautic;
const fieldName = (f: ParsedField) => f.alias ?? f.label;
/** Option labels can be whole paragraphs; a finding quotes their start. */
const quote = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Runs a forms check: a failed probe → error; nothing to judge and nothing wrong → not applicable (with how to
 * name the forms); otherwise the judge's findings per form plus the shared ones, each citing its page.
 */
function formsCheck(obs: Needed, include: (f: ParsedForm) => boolean, judge: (s: FormSubject, g: Gathered) => Finding[]): CheckOutcome {
  const { forms, 'landing-pages': landing } = obs;
  if (!forms.ok) return probeError(forms.error, forms.evidence);
  if (!landing.ok) return probeError(landing.error, landing.evidence);
  const gathered = gatherForms(forms.data, landing.data, include);
  const { subjects, findings, evidence } = gathered;
  if (!subjects.length && !findings.length) return outcome([finding('forms-none', 'not_applicable')], []);
  const judged: Finding[] = [];
  for (const s of subjects) {
    judged.push(...judge(s, gathered));
    evidence.push(...s.evidence);
  }
  return outcome([...judged, ...findings], evidence);
}

function judgeConsent({ page, form, label }: FormSubject): Finding[] {
  const at = { page, form: label };
  const groups = form.fields.filter((f) => f.type === 'checkboxgrp');
  const consent = groups.filter(readsLikeConsent);
  if (!consent.length) {
    return groups.length
      ? [finding('consent-unrecognised', 'warn', { ...at, fields: groups.map(fieldName) })]
      : [finding('consent-missing', 'fail', at)];
  }
  const out: Finding[] = [];
  for (const f of consent) {
    const ticked = f.options.filter((o) => o.checked);
    if (ticked.length) out.push(finding('consent-prechecked', 'fail', { ...at, field: fieldName(f), options: ticked.map((o) => quote(o.label || o.value)) }));
    // The hidden default is submitted even when no box is ticked: consent recorded without a click.
    if (f.hiddenDefault !== null && f.hiddenDefault.trim() !== '') out.push(finding('consent-hidden-default', 'fail', { ...at, field: fieldName(f), value: f.hiddenDefault }));
  }
  // An optional second box (e.g. newsletter on a contact form) is fine; one consent box must be required.
  const required = consent.find((f) => f.required);
  if (!required) out.push(finding('consent-not-required', 'fail', { ...at, fields: consent.map(fieldName) }));
  if (!out.length) out.push(finding('consent-ok', 'pass', { ...at, field: fieldName(required!) }));
  return out;
}

function judgePrivacyLink({ page, form, label }: FormSubject, { privacyPolicyUrl }: Gathered): Finding[] {
  const at = { page, form: label };
  const privacy = (links: ParsedForm['links']) => links.find((l) => isPrivacyLink(l, privacyPolicyUrl));
  const inForm = privacy([...form.fields.flatMap((f) => f.links), ...form.links]);
  if (inForm) return [finding('privacy-link-ok', 'pass', { ...at, href: inForm.url! })];
  const onPage = privacy(form.pageLinks);
  if (onPage) return [finding('privacy-link-page-only', 'warn', { ...at, href: onPage.url! })];
  return [finding('privacy-link-missing', 'fail', at)];
}

function judgeAction({ page, finalUrl, form, label }: FormSubject): Finding[] {
  const at = { page, form: label };
  const out: Finding[] = [];
  const targets = [{ raw: form.action ?? '', url: form.actionUrl }, ...form.submitActions.map((url) => ({ raw: url ?? '', url }))];
  for (const t of targets) {
    const protocol = t.url ? new URL(t.url).protocol : null;
    if (protocol === 'http:') out.push(finding('action-not-https', 'fail', { ...at, action: t.url! }));
    else if (protocol === null) out.push(finding('action-unparseable', 'warn', { ...at, action: t.raw }));
    else if (protocol !== 'https:') out.push(finding('action-unusual', 'warn', { ...at, action: t.url! }));
  }
  // Served over http, the form itself can be altered on the way (e.g. its action rewritten).
  if (new URL(finalUrl).protocol !== 'https:') out.push(finding('form-page-not-https', 'fail', { ...at, url: finalUrl }));
  if (!out.length) out.push(finding('action-https', 'pass', { ...at, action: form.actionUrl! }));
  return out;
}

export const formsConsentCheckbox = defineCheck({
  id: 'forms.consent-checkbox',
  probes: ['forms', 'landing-pages'],
  codes: ['consent-ok', 'consent-missing', 'consent-unrecognised', 'consent-not-required', 'consent-prechecked', 'consent-hidden-default', ...COMMON_CODES],
  evaluate: (obs) => formsCheck(obs, mauticOnly, judgeConsent),
});

export const formsPrivacyLink = defineCheck({
  id: 'forms.privacy-link',
  probes: ['forms', 'landing-pages'],
  codes: ['privacy-link-ok', 'privacy-link-page-only', 'privacy-link-missing', ...COMMON_CODES],
  evaluate: (obs) => formsCheck(obs, mauticOnly, judgePrivacyLink),
});

export const formsHttpsAction = defineCheck({
  id: 'forms.https-action',
  probes: ['forms', 'landing-pages'],
  codes: ['action-https', 'action-not-https', 'action-unparseable', 'action-unusual', 'form-page-not-https', ...COMMON_CODES],
  // Any form that asks for personal data must travel encrypted, Mautic's or not.
  evaluate: (obs) => formsCheck(obs, () => true, judgeAction),
});

export const FORM_CHECKS = [formsConsentCheckbox, formsPrivacyLink, formsHttpsAction];
