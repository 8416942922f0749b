import { callArguments, isTrue, objectEntries, stringValue, type JsToken } from './js-tokens';

/**
 * Google Analytics and Facebook Pixel as a script configures them, read from its tokens (never run):
 * - analytics.js: `ga('create','UA-…','auto')` and `ga('set','anonymizeIp',true)` (Mautic 2.14.1–4.4.9);
 * - gtag.js: `gtag('config','G-…',{"anonymize_ip":true})` (Mautic 4.4.10+), or `gtag('set',{anonymize_ip:true})`;
 * - ga.js (legacy): `_gaq.push(['_setAccount','UA-…'],['_gat._anonymizeIp'])`;
 * - `fbq('init','<id>')` and `fbq('track','PageView',{fn,ln,em,…})` (Mautic sends the fields of an identified contact).
 */
export type AnalyticsApi = 'analytics.js' | 'gtag.js' | 'ga.js';

export interface AnalyticsTag {
  api: AnalyticsApi;
  /** The measurement / tracking ID (UA-…, G-…, GT-…). */
  id: string;
  /** IP anonymisation requested for this ID (create option, `set`, or the config parameter). */
  anonymized: boolean;
}

export interface FacebookPixel {
  id: string;
  /** Personal-data fields (advanced matching) the script passes to Facebook, e.g. ['em', 'fn']. */
  personalFields: string[];
}

export interface ThirdPartyCalls {
  analytics: AnalyticsTag[];
  facebook: FacebookPixel[];
}

/** The advanced-matching keys Mautic fills from the contact (PageBundle BuildJsSubscriber). */
export const FACEBOOK_PERSONAL_FIELDS = ['fn', 'ln', 'em', 'ph', 'ct', 'st', 'zp', 'ge', 'db', 'country', 'external_id'];
/** gtag IDs that are Google Analytics (Ads and Floodlight IDs are not). */
const ANALYTICS_ID = /^(UA-\d+-\d+|G-[A-Z0-9]+|GT-[A-Z0-9]+)$/i;
const GA_FUNCTIONS = new Set(['ga', '__gaTracker']);
const MAX_CALLS = 200;

interface Call {
  name: string;
  args: JsToken[][];
}

/** Calls of the named functions (`name(`, also `window.name(`), not their definitions. */
function callsOf(tokens: readonly JsToken[], names: ReadonlySet<string>): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i + 1 < tokens.length && calls.length < MAX_CALLS; i++) {
    const t = tokens[i]!;
    if (t.type !== 'name' || !names.has(t.value) || tokens[i + 1]!.value !== '(' || tokens[i - 1]?.value === 'function') continue;
    const args = callArguments(tokens, i + 1);
    if (args) calls.push({ name: t.value, args });
  }
  return calls;
}

const anonymizeOption = (arg: JsToken[] | undefined, key: string) => isTrue(objectEntries(arg).get(key));

function analyticsJs(calls: Call[]): AnalyticsTag[] {
  const created: { id: string; anonymized: boolean }[] = [];
  let setForAll = false;
  for (const { args } of calls) {
    const command = stringValue(args[0]);
    if (command === null) continue;
    // Commands may name a tracker: 'myTracker.set'. `set` applies to the trackers of the page; one is usual.
    const verb = command.split('.').pop();
    if (verb === 'create') {
      const options = args.slice(1).find((a) => a[0]?.value === '{');
      const id = stringValue(args[1]) ?? stringValue(objectEntries(options).get('trackingId'));
      if (id) created.push({ id, anonymized: anonymizeOption(options, 'anonymizeIp') });
    } else if (verb === 'set') {
      if ((stringValue(args[1]) === 'anonymizeIp' && isTrue(args[2])) || anonymizeOption(args[1], 'anonymizeIp')) setForAll = true;
    }
  }
  return created.map((c) => ({ api: 'analytics.js', id: c.id, anonymized: c.anonymized || setForAll }));
}

function gtagJs(calls: Call[]): AnalyticsTag[] {
  const configs: { id: string; anonymized: boolean }[] = [];
  let setForAll = false;
  for (const { args } of calls) {
    const command = stringValue(args[0]);
    if (command === 'config') {
      const id = stringValue(args[1]);
      if (id && ANALYTICS_ID.test(id)) configs.push({ id, anonymized: anonymizeOption(args[2], 'anonymize_ip') });
    } else if (command === 'set' && anonymizeOption(args[1], 'anonymize_ip')) {
      setForAll = true;
    }
  }
  return configs.map((c) => ({ api: 'gtag.js', id: c.id, anonymized: c.anonymized || setForAll }));
}

/** Legacy ga.js: the account follows '_setAccount' in a pushed array. */
function gaJs(tokens: readonly JsToken[]): AnalyticsTag[] {
  const strings = tokens.filter((t) => t.type === 'string').map((t) => t.value);
  const anonymized = strings.some((s) => s === '_gat._anonymizeIp' || s === '_anonymizeIp');
  const tags: AnalyticsTag[] = [];
  for (let i = 0; i + 2 < tokens.length && tags.length < MAX_CALLS; i++) {
    const t = tokens[i]!;
    if (t.type !== 'string' || !t.value.endsWith('_setAccount') || tokens[i + 1]!.value !== ',' || tokens[i + 2]!.type !== 'string') continue;
    tags.push({ api: 'ga.js', id: tokens[i + 2]!.value, anonymized });
  }
  return tags;
}

function facebook(calls: Call[]): FacebookPixel[] {
  const pixels = new Map<string, Set<string>>();
  const pageViewFields = new Set<string>();
  const personal = (arg: JsToken[] | undefined) => [...objectEntries(arg).keys()].filter((k) => FACEBOOK_PERSONAL_FIELDS.includes(k));
  for (const { args } of calls) {
    const command = stringValue(args[0]);
    if (command === 'init') {
      const id = stringValue(args[1]);
      if (id) pixels.set(id, new Set([...(pixels.get(id) ?? []), ...personal(args[2])]));
    } else if (command === 'track' && stringValue(args[1]) === 'PageView') {
      for (const f of personal(args[2])) pageViewFields.add(f);
    }
  }
  return [...pixels].map(([id, fields]) => ({ id, personalFields: [...new Set([...fields, ...pageViewFields])].sort() }));
}

function unique(tags: AnalyticsTag[]): AnalyticsTag[] {
  const byKey = new Map<string, AnalyticsTag>();
  for (const t of tags) {
    const key = `${t.api} ${t.id}`;
    const seen = byKey.get(key);
    byKey.set(key, { ...t, anonymized: t.anonymized || Boolean(seen?.anonymized) });
  }
  return [...byKey.values()];
}

export function findThirdPartyCalls(tokens: readonly JsToken[]): ThirdPartyCalls {
  const calls = callsOf(tokens, new Set([...GA_FUNCTIONS, 'gtag', 'fbq']));
  return {
    analytics: unique([
      ...analyticsJs(calls.filter((c) => GA_FUNCTIONS.has(c.name))),
      ...gtagJs(calls.filter((c) => c.name === 'gtag')),
      ...gaJs(tokens),
    ]),
    facebook: facebook(calls.filter((c) => c.name === 'fbq')),
  };
}
