// The MDN HTTP Observatory's scoring data (src/grader/charts.js, algorithm version 4): per test, each expectation's
// score modifier, plus the grade chart. Data only; header-score.ts decides which expectation a response meets.

export const SCORE_TABLE = {
  'content-security-policy': {
    'csp-implemented-with-no-unsafe-default-src-none': 10,
    'csp-implemented-with-no-unsafe': 5,
    'csp-implemented-with-unsafe-inline-in-style-src-only': 0,
    'csp-implemented-but-duplicate-directives': 0,
    'csp-implemented-with-insecure-scheme-in-passive-content-only': -10,
    'csp-implemented-with-unsafe-eval': -10,
    'csp-implemented-with-unsafe-inline': -20,
    'csp-implemented-with-insecure-scheme': -20,
    'csp-header-invalid': -25,
    'csp-not-implemented': -25,
    'csp-not-implemented-but-reporting-enabled': -25,
  },
  cookies: {
    'cookies-secure-with-httponly-sessions-and-samesite': 5,
    'cookies-secure-with-httponly-sessions': 0,
    'cookies-not-found': 0,
    'cookies-without-secure-flag-but-protected-by-hsts': -5,
    'cookies-session-without-secure-flag-but-protected-by-hsts': -10,
    'cookies-without-secure-flag': -20,
    'cookies-samesite-flag-invalid': -20,
    'cookies-anticsrf-without-samesite-flag': -20,
    'cookies-session-without-httponly-flag': -30,
    'cookies-session-without-secure-flag': -40,
  },
  'cross-origin-resource-sharing': {
    'cross-origin-resource-sharing-not-implemented': 0,
    'cross-origin-resource-sharing-implemented-with-public-access': 0,
    'cross-origin-resource-sharing-implemented-with-restricted-access': 0,
    'cross-origin-resource-sharing-implemented-with-universal-access': -50,
  },
  redirection: {
    'redirection-all-redirects-preloaded': 0,
    'redirection-to-https': 0,
    'redirection-not-needed-no-http': 0,
    'redirection-off-host-from-http': -5,
    'redirection-not-to-https-on-initial-redirection': -10,
    'redirection-not-to-https': -20,
    'redirection-missing': -20,
    'redirection-invalid-cert': -20,
    // Ours, not the Observatory's: the plain-HTTP probe failed, so nothing is counted either way.
    'redirection-not-tested': 0,
  },
  'referrer-policy': {
    'referrer-policy-private': 5,
    'referrer-policy-not-implemented': 0,
    'referrer-policy-unsafe': -5,
    'referrer-policy-header-invalid': -5,
  },
  'strict-transport-security': {
    'hsts-preloaded': 5,
    'hsts-implemented-max-age-at-least-six-months': 0,
    'hsts-implemented-max-age-less-than-six-months': -10,
    'hsts-not-implemented': -20,
    'hsts-header-invalid': -20,
    'hsts-not-implemented-no-https': -20,
    'hsts-invalid-cert': -20,
  },
  'subresource-integrity': {
    'sri-implemented-and-all-scripts-loaded-securely': 5,
    'sri-implemented-and-external-scripts-loaded-securely': 5,
    'sri-not-implemented-response-not-html': 0,
    'sri-not-implemented-but-no-scripts-loaded': 0,
    'sri-not-implemented-but-all-scripts-loaded-from-secure-origin': 0,
    'sri-not-implemented-but-external-scripts-loaded-securely': -5,
    'sri-implemented-but-external-scripts-not-loaded-securely': -20,
    'sri-not-implemented-and-external-scripts-not-loaded-securely': -50,
  },
  'x-content-type-options': {
    'x-content-type-options-nosniff': 0,
    'x-content-type-options-not-implemented': -5,
    'x-content-type-options-header-invalid': -5,
  },
  'x-frame-options': {
    'x-frame-options-implemented-via-csp': 5,
    'x-frame-options-sameorigin-or-deny': 0,
    'x-frame-options-allow-from-origin': 0,
    'x-frame-options-not-implemented': -20,
    'x-frame-options-header-invalid': -20,
  },
  'cross-origin-resource-policy': {
    'corp-implemented-with-same-origin': 10,
    'corp-implemented-with-same-site': 10,
    'corp-implemented-with-cross-origin': 0,
    'corp-not-implemented': 0,
    'corp-header-invalid': -5,
  },
} as const satisfies Record<string, Record<string, number>>;

export type ObservatoryTest = keyof typeof SCORE_TABLE;
export type ExpectationOf<T extends ObservatoryTest> = keyof (typeof SCORE_TABLE)[T] & string;

/**
 * The order in which the Observatory's cookie test lets a later finding replace an earlier one (best to worst);
 * a result only changes to one further down this list.
 */
export const COOKIE_SEVERITY_ORDER: readonly ExpectationOf<'cookies'>[] = [
  'cookies-without-secure-flag-but-protected-by-hsts',
  'cookies-without-secure-flag',
  'cookies-session-without-secure-flag-but-protected-by-hsts',
  'cookies-samesite-flag-invalid',
  'cookies-anticsrf-without-samesite-flag',
  'cookies-session-without-httponly-flag',
  'cookies-session-without-secure-flag',
];

/** The same for the SRI test. */
export const SRI_SEVERITY_ORDER: readonly ExpectationOf<'subresource-integrity'>[] = [
  'sri-implemented-and-all-scripts-loaded-securely',
  'sri-implemented-and-external-scripts-loaded-securely',
  'sri-implemented-but-external-scripts-not-loaded-securely',
  'sri-not-implemented-but-external-scripts-loaded-securely',
  'sri-not-implemented-and-external-scripts-not-loaded-securely',
  'sri-not-implemented-response-not-html',
];

/** Only a score that already reaches an A without bonuses keeps its bonus points. */
export const MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

/** Lower bound of each 5-point band → grade. */
export const GRADE_CHART: ReadonlyMap<number, string> = new Map([
  [100, 'A+'], [95, 'A'], [90, 'A'], [85, 'A-'], [80, 'B+'], [75, 'B'], [70, 'B'], [65, 'B-'], [60, 'C+'],
  [55, 'C'], [50, 'C'], [45, 'C-'], [40, 'D+'], [35, 'D'], [30, 'D'], [25, 'D-'], [20, 'F'], [15, 'F'],
  [10, 'F'], [5, 'F'], [0, 'F'],
]);

/** The Observatory's grade for a score: negative counts as 0, above 100 as 100, otherwise its 5-point band. */
export function gradeFor(score: number): string {
  const s = Math.max(score, 0);
  return GRADE_CHART.get(Math.min(s - (s % 5), 100)) ?? 'F';
}
