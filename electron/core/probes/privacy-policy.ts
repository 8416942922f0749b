import { headerValue, type Exchange, type NetError } from '../net/types';
import type { NetClient } from '../net/client';
import { mapLimited } from './map-limited';
import { decodeText, mediaType } from './document-text';
import { detectLanguage, extractVisibleText, plainText, type PageText } from './page-text';
import { recognizeElements, type RecognizedElements } from './privacy-elements';
import { findPolicyLink } from './privacy-link';
import { POLICY_ELEMENTS } from './privacy-vocabulary';
import { splitSentences } from './sentences';
import type { EvidenceSink, Probe } from './types';

/** How many of the auditor's landing pages are searched for the policy link (the installation is searched too). */
export const DISCOVERY_PAGES = 3;
const CONCURRENCY = 4;
const HEADERS = { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' };

export interface SearchedPage {
  url: string;
  /** The last response's status; null when none came. */
  status: number | null;
  error: NetError | null;
  evidence: string[];
}

export interface PolicyText {
  chars: number;
  sentences: number;
  /** The body was cut at the client's size cap. */
  bodyTruncated: boolean;
  /** The visible text or the number of sentences was cut at the probe's cap. */
  textTruncated: boolean;
}

export interface PrivacyPolicyObservation {
  /** given: the auditor named the URL; linked: found on a page; not-found: no URL and no link. */
  source: 'given' | 'linked' | 'not-found';
  /** The URL fetched; null when none was given or found. */
  url: string | null;
  /** Where the link was found (source 'linked'). */
  link: { page: string; text: string } | null;
  /** The pages searched for the link (empty when the URL was given). */
  searched: SearchedPage[];
  /** Every URL of the policy's redirect chain; the last is where it was read. */
  chain: string[];
  status: number | null;
  contentType: string | null;
  /** Why the chain stopped early (network, loop, cap). */
  error: NetError | null;
  /** The policy ended on http: what the same URL over https answered. */
  httpsVariant: { url: string; status: number | null; error: NetError | null; evidence: string[] } | null;
  language: 'de' | 'en' | null;
  /** Null when no text was read (no 2xx answer, or not HTML or plain text). */
  text: PolicyText | null;
  /** The text split into sentences (capped), for the checks that look for names in it. */
  sentences: string[];
  /** The elements recognised, each with the sentence that names it. */
  elements: RecognizedElements;
  /** The HTTP exchanges of the policy's chain. */
  fetchEvidence: string[];
  /** The extracted text (text/plain) and the element → quote map (application/json). */
  textEvidence: string | null;
  elementsEvidence: string | null;
}

const lastOf = (exchanges: Exchange[]) => exchanges[exchanges.length - 1];


function readText(exchange: Exchange, contentType: string | null): PageText | null {
  const type = mediaType(contentType);
  const body = decodeText(exchange.body, contentType);
  if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') return extractVisibleText(body);
  if (type === 'text/plain') return plainText(body);
  return null;
}

async function searchLink(net: NetClient, pages: string[]) {
  const results = await mapLimited(pages, CONCURRENCY, async (href) => {
    const chain = await net.follow(new URL(href), { headers: HEADERS });
    const last = lastOf(chain.exchanges);
    const response = chain.error ? null : (last?.response ?? null);
    const searched: SearchedPage = { url: href, status: response?.status ?? null, error: chain.error, evidence: chain.exchanges.map((e) => e.evidence) };
    const type = response ? mediaType(headerValue(response.headers, 'content-type')) : 'none';
    const isHtml = type === '' || type === 'text/html' || type === 'application/xhtml+xml';
    const ok = response !== null && response.status >= 200 && response.status < 300 && isHtml;
    const link = ok ? findPolicyLink(decodeText(last!.body, headerValue(response.headers, 'content-type')), last!.request.url) : null;
    return { searched, link: link ? { ...link, page: href } : null };
  });
  return { searched: results.map((r) => r.searched), link: results.find((r) => r.link)?.link ?? null };
}

function store(sink: EvidenceSink, url: string, text: string, observed: Pick<PrivacyPolicyObservation, 'language' | 'elements' | 'text'>) {
  const capturedAt = new Date().toISOString();
  const t = observed.text!;
  const capped = t.bodyTruncated || t.textTruncated ? ', capped' : '';
  const textEvidence = sink.add({
    kind: 'page-text',
    summary: `Visible text of ${url}: ${t.chars} characters, ${t.sentences} sentences, language ${observed.language ?? 'unknown'}${capped}`,
    mediaType: 'text/plain; charset=utf-8',
    content: Buffer.from(text, 'utf8'),
    capturedAt,
  });
  const found = POLICY_ELEMENTS.filter((id) => observed.elements[id]);
  const document = { url, language: observed.language, text: textEvidence, elements: observed.elements, notFound: POLICY_ELEMENTS.filter((id) => !observed.elements[id]) };
  const elementsEvidence = sink.add({
    kind: 'page-text',
    summary: `Privacy-policy elements recognised in ${url}: ${found.join(', ') || 'none'}`,
    mediaType: 'application/json',
    content: Buffer.from(JSON.stringify(document, null, 2), 'utf8'),
    capturedAt,
  });
  return { textEvidence, elementsEvidence };
}

async function httpsVariantOf(net: NetClient, finalUrl: string): Promise<PrivacyPolicyObservation['httpsVariant']> {
  const url = new URL(finalUrl);
  if (url.protocol !== 'http:') return null;
  url.protocol = 'https:';
  const chain = await net.follow(url, { headers: HEADERS });
  const last = lastOf(chain.exchanges);
  return { url: url.href, status: chain.error ? null : (last?.response?.status ?? null), error: chain.error, evidence: chain.exchanges.map((e) => e.evidence) };
}

/**
 * Finds the privacy policy (the URL the auditor gave, else the first Datenschutz / Privacy link on the landing
 * pages or the installation), fetches it with redirects, extracts its visible text, splits it into sentences and
 * recognises the elements a policy must name, keeping the sentence for each. Text and elements are stored as
 * evidence. Never judges: whether that suffices is the privacy-policy.* checks'.
 */
export const privacyPolicyProbe: Probe<'privacy-policy'> = {
  id: 'privacy-policy',
  async run({ target, net, evidence }) {
    const base: PrivacyPolicyObservation = {
      source: 'not-found', url: null, link: null, searched: [], chain: [], status: null, contentType: null, error: null,
      httpsVariant: null, language: null, text: null, sentences: [], elements: {}, fetchEvidence: [], textEvidence: null, elementsEvidence: null,
    };
    let url = target.privacyPolicyUrl?.href ?? null;
    if (url) base.source = 'given';
    else {
      const pages = [...new Set([...(target.landingPages ?? []).slice(0, DISCOVERY_PAGES).map((u) => u.href), target.url.href])];
      const found = await searchLink(net, pages);
      base.searched = found.searched;
      if (found.link) {
        url = found.link.url;
        base.source = 'linked';
        base.link = { page: found.link.page, text: found.link.text };
      }
    }
    const searchEvidence = base.searched.flatMap((p) => p.evidence);
    if (!url) return { ok: true, data: base, evidence: searchEvidence };

    const chain = await net.follow(new URL(url), { headers: HEADERS });
    const last = lastOf(chain.exchanges);
    const response = chain.error ? null : (last?.response ?? null);
    const obs: PrivacyPolicyObservation = { ...base, url, chain: chain.exchanges.map((e) => e.request.url), error: chain.error, fetchEvidence: chain.exchanges.map((e) => e.evidence) };
    obs.status = response?.status ?? null;
    obs.contentType = response ? headerValue(response.headers, 'content-type') : null;
    if (response) obs.httpsVariant = await httpsVariantOf(net, last!.request.url);
    const page = response && response.status >= 200 && response.status < 300 ? readText(last!, obs.contentType) : null;
    if (page && page.text) {
      const split = splitSentences(page.text);
      obs.sentences = split.sentences;
      obs.language = detectLanguage(page.text, page.htmlLang);
      obs.text = { chars: page.text.length, sentences: split.sentences.length, bodyTruncated: last!.truncated, textTruncated: page.truncated || split.truncated };
      obs.elements = recognizeElements(split.sentences);
      Object.assign(obs, store(evidence, last!.request.url, page.text, obs));
    }
    const all = [...searchEvidence, ...obs.fetchEvidence, ...(obs.httpsVariant?.evidence ?? []), obs.textEvidence, obs.elementsEvidence].filter((e): e is string => e !== null);
    return { ok: true, data: obs, evidence: all };
  },
};
