import type { Finding } from '../../shared/domain';
import type { CorsObservation, ExposureKind, PathObservation } from '../probes/exposure';
import { classifyPath, mauticVersionIn, phpEndOfLife, versionTokens } from './exposure-classify';
import { finalOf } from './header-parse';
import { causeOf, errorFinding, finding, outcome, probeError } from './outcome';
import type { NetError } from '../net/types';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { defineCheck, PROBE_ERROR, type CheckOutcome } from './types';

/** The finding code for a path that hands out its content (MAUTIC_FACTS §4 table; CHECKLIST.md exposure.*). */
const EXPOSED_CODE: Partial<Record<ExposureKind, string>> = {
  config: 'config-exposed',
  env: 'env-exposed',
  git: 'git-exposed',
  installer: 'installer-exposed',
  'dev-front-controller': 'dev-front-controller-exposed',
  logs: 'logs-exposed',
  media: 'media-listing',
  composer: 'composer-exposed',
};
const SENSITIVE = new Set(Object.keys(EXPOSED_CODE));

/** Requests that got no answer: the check cannot say the path is protected. */
function unanswered(entries: readonly { path: string; error: NetError | null; status: number | null }[]): Finding[] {
  const lost = entries.filter((e) => e.status === null);
  if (!lost.length) return [];
  return [errorFinding(PROBE_ERROR, causeOf(lost[0]!.error), { error: lost.map((e) => `${e.path}: ${e.error?.message ?? 'no response'}`).join('; ') })];
}

export const exposureSensitivePaths = defineCheck({
  id: 'exposure.sensitive-paths',
  probes: ['exposure-paths'],
  codes: [...Object.values(EXPOSED_CODE), 'path-served', 'paths-soft-404', 'paths-protected', PROBE_ERROR],
  evaluate({ 'exposure-paths': probe }) {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const notFound = probe.data.paths.find((p) => p.kind === 'not-found');
    const sensitive = probe.data.paths.filter((p) => SENSITIVE.has(p.kind));
    const findings: Finding[] = [];
    const served: PathObservation[] = [];
    const soft: PathObservation[] = [];
    for (const p of sensitive) {
      const verdict = classifyPath(p, notFound);
      if (verdict.state === 'exposed') findings.push(finding(EXPOSED_CODE[p.kind]!, 'fail', { path: p.path, status: p.status! }));
      else if (verdict.state === 'served') served.push(p);
      else if (verdict.state === 'soft-404') soft.push(p);
    }
    if (served.length) findings.push(finding('path-served', 'warn', { paths: served.map((p) => p.path) }));
    findings.push(...unanswered(sensitive));
    if (!findings.length) findings.push(finding('paths-protected', 'pass', { count: sensitive.length }));
    if (soft.length) findings.push(finding('paths-soft-404', 'pass', { paths: soft.map((p) => p.path) }));
    const cited = sensitive.filter((p) => classifyPath(p, notFound).state !== 'protected');
    const evidence = (cited.length ? cited : sensitive).map((p) => p.evidence);
    if (soft.length && notFound) evidence.push(notFound.evidence);
    return outcome(findings, evidence);
  },
});

const VERSION_HEADERS = new Set(['server', 'x-powered-by']);

type VersionInputs = { 'https-main': ProbeResult<ObservationMap['https-main']>; 'exposure-paths': ProbeResult<ObservationMap['exposure-paths']> };

/** The verdict of exposure.version-disclosure on a given day (PHP end of life depends on the date). */
export function judgeVersionDisclosure({ 'https-main': main, 'exposure-paths': paths }: VersionInputs, now: Date): CheckOutcome {
  const got = finalOf(main);
  if (!got.ok) return probeError(got.error, main.evidence);
  if (!paths.ok) return probeError(paths.error, paths.evidence);
  // The start page and every sensitive-path answer: error pages often name the server when the start page does not.
  const sources: { headers: [string, string][]; evidence: string }[] = [
    { headers: got.final.response.headers, evidence: got.final.evidence },
    ...paths.data.paths.filter((p) => p.status !== null).map((p) => ({ headers: p.headers, evidence: p.evidence })),
  ];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const seen = new Set<string>();
  const phpSeen = new Set<string>();
  for (const { headers, evidence: sha } of sources) {
    for (const [name, value] of headers) {
      const header = name.toLowerCase();
      if (!VERSION_HEADERS.has(header)) continue;
      const tokens = versionTokens(value);
      if (!tokens.length) continue;
      evidence.push(sha);
      const key = `${header}\n${value}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push(finding('version-header', 'warn', { header: name, value }));
      }
      for (const t of tokens.filter((x) => x.product.toLowerCase() === 'php')) {
        if (phpSeen.has(t.version) || phpEndOfLife(t.version, now) !== true) continue;
        phpSeen.add(t.version);
        findings.push(finding('php-eol', 'fail', { version: t.version }));
      }
    }
  }
  for (const p of paths.data.paths) {
    const version = mauticVersionIn(p);
    if (!version) continue;
    findings.push(finding('mautic-version-file', 'warn', { path: p.path, version }));
    evidence.push(p.evidence);
  }
  if (!findings.length) return outcome([finding('version-none', 'pass')], [got.final.evidence, ...paths.evidence]);
  return outcome(findings, evidence);
}

export const exposureVersionDisclosure = defineCheck({
  id: 'exposure.version-disclosure',
  probes: ['https-main', 'exposure-paths'],
  codes: ['version-header', 'php-eol', 'mautic-version-file', 'version-none', PROBE_ERROR],
  evaluate: (observations) => judgeVersionDisclosure(observations, new Date()),
});

const credentialed = (r: CorsObservation) => (r.allowCredentials ?? '').trim().toLowerCase() === 'true';

export const exposureCors = defineCheck({
  id: 'exposure.cors',
  probes: ['exposure-cors'],
  codes: ['cors-reflects-credentials', 'cors-wildcard-credentials', 'cors-reflects-origin', 'cors-wildcard', 'cors-restricted', PROBE_ERROR],
  evaluate({ 'exposure-cors': probe }) {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const findings: Finding[] = [];
    const evidence: string[] = [];
    for (const r of probe.data.requests) {
      if (r.status === null || r.allowOrigin === null) continue;
      const allowed = r.allowOrigin.trim();
      const request = `${r.method} ${r.path}`;
      const reflected = allowed.toLowerCase() === r.origin.toLowerCase();
      if (!reflected && allowed !== '*') continue;
      evidence.push(r.evidence);
      if (reflected && credentialed(r)) findings.push(finding('cors-reflects-credentials', 'fail', { request, origin: r.origin }));
      else if (reflected) findings.push(finding('cors-reflects-origin', 'warn', { request, origin: r.origin }));
      else if (credentialed(r)) findings.push(finding('cors-wildcard-credentials', 'fail', { request }));
      else findings.push(finding('cors-wildcard', 'warn', { request }));
    }
    findings.push(...unanswered(probe.data.requests.map((r) => ({ ...r, path: `${r.method} ${r.path}` }))));
    if (!findings.length) {
      return outcome([finding('cors-restricted', 'pass', { requests: probe.data.requests.map((r) => `${r.method} ${r.path}`) })], probe.evidence);
    }
    return outcome(findings, evidence.length ? evidence : probe.evidence);
  },
});

export const EXPOSURE_CHECKS = [exposureSensitivePaths, exposureVersionDisclosure, exposureCors];
