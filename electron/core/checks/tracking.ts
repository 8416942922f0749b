import type { Finding, Params } from '../../shared/domain';
import type { AnalyticsTag } from '../probes/analytics-calls';
import type { LandingPageObservation } from '../probes/landing';
import { MARKER } from '../probes/mtc-markers';
import type { MtcFetch, MtcState, TrackingScriptObservation } from '../probes/tracking';
import type { MauticLoader } from '../probes/tracking-embed';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { finding, noAnswer, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR } from './types';

type LandingProbe = ProbeResult<ObservationMap['landing-pages']>;

const STATE_CODES: Record<Exclude<MtcState, 'mautic'>, string> = {
  'not-found': 'mtc-not-found',
  'http-status': 'mtc-http-status',
  'not-javascript': 'mtc-not-javascript',
  'not-mautic': 'mtc-not-mautic',
};
const FINGERPRINT_MARKERS: readonly string[] = [MARKER.fingerprint2, MARKER.fingerprintComponents, MARKER.fingerprintInit];

/** Informational (pass, so it never worsens the verdict): the version line and the markers that decided it. */
function versionFinding(data: TrackingScriptObservation | null): Finding {
  return data?.version ? finding('mautic-version', 'pass', { version: data.version.label, markers: data.versionMarkers }) : finding('mautic-version-unknown', 'pass');
}

function scriptStateFinding(data: TrackingScriptObservation): Finding {
  const first = data.fetches[0]!;
  const url = first.chain[first.chain.length - 1] ?? data.url;
  switch (data.state) {
    case 'not-found':
    case 'http-status':
      return finding(STATE_CODES[data.state], 'warn', { url, status: first.status });
    case 'not-javascript':
      return finding(STATE_CODES[data.state], 'warn', { url, contentType: first.contentType ?? '-' });
    default:
      return finding('mtc-not-mautic', 'warn', { url });
  }
}

export const trackingFingerprint = defineCheck({
  id: 'tracking.fingerprint',
  probes: ['tracking-script'],
  codes: ['fingerprint2', 'fingerprint-none', 'mtc-incomplete', ...Object.values(STATE_CODES), 'mautic-version', 'mautic-version-unknown', PROBE_ERROR],
  evaluate: ({ 'tracking-script': probe }) => {
    if (!probe.ok) {
      const failed = probeError(probe.error, probe.evidence);
      return outcome([...failed.findings, versionFinding(null)], failed.evidence);
    }
    const data = probe.data;
    const findings: Finding[] = [];
    if (data.state !== 'mautic') findings.push(scriptStateFinding(data));
    else if (data.fingerprint) findings.push(finding('fingerprint2', 'fail', { url: data.url, markers: data.markers.filter((m) => FINGERPRINT_MARKERS.includes(m)) }));
    else if (data.incomplete) findings.push(finding('mtc-incomplete', 'warn', { url: data.url }));
    else findings.push(finding('fingerprint-none', 'pass', { url: data.url }));
    findings.push(versionFinding(data));
    return outcome(findings, probe.evidence);
  },
});

const reached = (p: LandingPageObservation) => p.status !== null;

/** Errors for landing pages that did not answer, a warning for pages only partly read. */
function pageProblems(pages: LandingPageObservation[]): { findings: Finding[]; evidence: string[] } {
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const p of pages.filter((x) => !reached(x))) {
    findings.push(noAnswer('page-unreachable', p.error, { page: p.url }));
    evidence.push(...p.evidence);
  }
  const partial = pages.filter((p) => reached(p) && (p.bodyTruncated || Boolean(p.tracking?.truncated)));
  if (partial.length) {
    findings.push(finding('page-incomplete', 'warn', { pages: partial.map((p) => p.url) }));
    evidence.push(...partial.flatMap((p) => p.evidence));
  }
  return { findings, evidence };
}

interface Sighting {
  code: string;
  id: string;
  where: string;
  evidence: string[];
}

/** mtc.js output depends on Mautic's per-context setting; naming it tells the auditor which one is on. */
const mtcWhere = (f: MtcFetch, service: string) => `${f.chain[f.chain.length - 1]} [${service}_${f.context === 'tracking-page' ? 'trackingpage' : 'landingpage'}_enabled]`;

/** Universal Analytics keeps full IPs unless told; GA4 (gtag with a G-/GT- ID) does not log IPs at all. */
function gaCode(tag: AnalyticsTag): string {
  if (tag.anonymized) return 'ga-anonymized';
  return tag.api === 'gtag.js' && !/^UA-/i.test(tag.id) ? 'gtag-not-anonymized' : 'ga-not-anonymized';
}

function gaSightings(script: TrackingScriptObservation | null, pages: LandingPageObservation[]): Sighting[] {
  const out: Sighting[] = [];
  for (const f of script?.fetches.filter((x) => x.state === 'mautic') ?? []) {
    for (const tag of f.analysis!.analytics) out.push({ code: gaCode(tag), id: tag.id, where: mtcWhere(f, 'google_analytics'), evidence: f.evidence });
    for (const px of f.analysis!.facebook) {
      out.push({ code: px.personalFields.length ? 'facebook-pixel-personal-data' : 'facebook-pixel', id: px.id, where: mtcWhere(f, 'facebook_pixel'), evidence: f.evidence });
    }
  }
  for (const p of pages) {
    for (const tag of p.tracking?.analytics ?? []) out.push({ code: gaCode(tag), id: tag.id, where: p.url, evidence: p.evidence });
    for (const px of p.tracking?.facebook ?? []) out.push({ code: px.personalFields.length ? 'facebook-pixel-personal-data' : 'facebook-pixel', id: px.id, where: p.url, evidence: p.evidence });
  }
  return out;
}

const SIGHTING_STATUS: Record<string, Finding['status']> = {
  'ga-not-anonymized': 'fail',
  'gtag-not-anonymized': 'warn',
  'ga-anonymized': 'pass',
  'facebook-pixel': 'warn',
  'facebook-pixel-personal-data': 'warn',
};

function fieldsOf(id: string, script: TrackingScriptObservation | null, pages: LandingPageObservation[]): string[] {
  const pixels = [...(script?.fetches.flatMap((f) => f.analysis?.facebook ?? []) ?? []), ...pages.flatMap((p) => p.tracking?.facebook ?? [])];
  return [...new Set(pixels.filter((px) => px.id === id).flatMap((px) => px.personalFields))].sort();
}

export const trackingGaAnonymizeIp = defineCheck({
  id: 'tracking.ga-anonymize-ip',
  probes: ['tracking-script', 'landing-pages'],
  codes: [...Object.keys(SIGHTING_STATUS), 'ga-config-unseen', 'ga-none', 'page-unreachable', 'page-incomplete', PROBE_ERROR],
  evaluate: ({ 'tracking-script': script, 'landing-pages': landing }) => {
    const findings: Finding[] = [];
    const evidence: string[] = [];
    for (const probe of [script, landing]) if (!probe.ok) findings.push(...probeError(probe.error, probe.evidence).findings);
    const data = script.ok ? script.data : null;
    const pages = landing.ok ? landing.data.pages : [];
    const answered = pages.filter(reached);
    const grouped = new Map<string, { code: string; id: string; where: string[] }>();
    for (const s of gaSightings(data, answered)) {
      const key = `${s.code} ${s.id}`;
      const group = grouped.get(key) ?? { code: s.code, id: s.id, where: [] };
      if (!group.where.includes(s.where)) group.where.push(s.where);
      grouped.set(key, group);
      evidence.push(...s.evidence);
    }
    for (const g of grouped.values()) {
      const params: Params = { id: g.id, where: g.where };
      if (g.code === 'facebook-pixel-personal-data') params.fields = fieldsOf(g.id, data, answered);
      findings.push(finding(g.code, SIGHTING_STATUS[g.code]!, params));
    }
    for (const p of answered) {
      const libraries = p.tracking?.analyticsLibraries ?? [];
      if (!libraries.length || p.tracking!.analytics.length) continue;
      findings.push(finding('ga-config-unseen', 'warn', { page: p.url, urls: libraries }));
      evidence.push(...p.evidence);
    }
    const problems = pageProblems(pages);
    const sawGa = findings.some((f) => f.code.startsWith('ga') || f.code.startsWith('gtag'));
    if (!sawGa && script.ok && landing.ok) findings.push(finding('ga-none', 'not_applicable', { count: answered.length }));
    findings.push(...problems.findings);
    evidence.push(...problems.evidence);
    return outcome(findings, evidence.length ? evidence : [...script.evidence, ...landing.evidence]);
  },
});

type GateCode = 'mautic-gated' | 'mautic-blocked-unknown' | 'mautic-gated-in-js' | 'mautic-cmp-not-blocking' | 'mautic-ungated';
const GATE_STATUS: Record<GateCode, Finding['status']> = {
  'mautic-gated': 'pass',
  'mautic-blocked-unknown': 'warn',
  'mautic-gated-in-js': 'warn',
  'mautic-cmp-not-blocking': 'warn',
  'mautic-ungated': 'fail',
};

/** A <noscript> tag is loaded by visitors without JavaScript, whom no consent banner can ask first. */
function gateOf(loader: MauticLoader, consentManagers: string[]): GateCode {
  if (loader.blocked) return loader.blocked.by ? 'mautic-gated' : 'mautic-blocked-unknown';
  if (loader.inNoscript) return 'mautic-ungated';
  if (loader.consentApis.length) return 'mautic-gated-in-js';
  return consentManagers.length ? 'mautic-cmp-not-blocking' : 'mautic-ungated';
}

const describe = (l: MauticLoader) => `${l.inNoscript ? 'noscript ' : ''}${l.kind}${l.url ? ` ${l.url}` : ''}`;

function gateFinding(code: GateCode, page: LandingPageObservation, loaders: MauticLoader[]): Finding {
  const names = loaders.map(describe);
  const cmps = page.tracking!.consentManagers;
  switch (code) {
    case 'mautic-gated':
      return finding(code, 'pass', { page: page.url, cmps: [...new Set(loaders.map((l) => l.blocked!.by!))] });
    case 'mautic-gated-in-js':
      return finding(code, 'warn', { page: page.url, loaders: names, apis: [...new Set(loaders.flatMap((l) => l.consentApis))] });
    case 'mautic-cmp-not-blocking':
      return finding(code, 'warn', { page: page.url, loaders: names, cmps });
    default:
      return finding(code, GATE_STATUS[code], { page: page.url, loaders: names });
  }
}

export const trackingConsentGating = defineCheck({
  id: 'tracking.consent-gating',
  probes: ['landing-pages'],
  codes: ['consent-no-pages', ...Object.keys(GATE_STATUS), 'mautic-not-embedded', 'tag-manager', 'page-unreachable', 'page-incomplete', PROBE_ERROR],
  evaluate: ({ 'landing-pages': probe }: { 'landing-pages': LandingProbe }) => {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const { pages } = probe.data;
    if (!pages.length) return outcome([finding('consent-no-pages', 'manual')], []);
    const findings: Finding[] = [];
    const evidence: string[] = [];
    const answered = pages.filter(reached);
    for (const p of answered.filter((x) => x.tracking?.loadsMautic)) {
      const byCode = new Map<GateCode, MauticLoader[]>();
      for (const l of p.tracking!.loaders) {
        const code = gateOf(l, p.tracking!.consentManagers);
        byCode.set(code, [...(byCode.get(code) ?? []), l]);
      }
      for (const [code, loaders] of byCode) findings.push(gateFinding(code, p, loaders));
      evidence.push(...p.evidence);
    }
    if (!findings.length && answered.length) {
      findings.push(finding('mautic-not-embedded', 'not_applicable', { count: answered.length }));
      const managed = answered.filter((p) => p.tracking?.tagManagers.length);
      if (managed.length) {
        findings.push(finding('tag-manager', 'manual', { pages: managed.map((p) => p.url), managers: [...new Set(managed.flatMap((p) => p.tracking!.tagManagers))] }));
        evidence.push(...managed.flatMap((p) => p.evidence));
      }
    }
    const problems = pageProblems(pages);
    findings.push(...problems.findings);
    evidence.push(...problems.evidence);
    return outcome(findings, evidence.length ? evidence : probe.evidence);
  },
});

export const TRACKING_CHECKS = [trackingConsentGating, trackingFingerprint, trackingGaAnonymizeIp];
