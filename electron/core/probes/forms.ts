import { headerValue, type Exchange, type NetError } from '../net/types';
import { extractForms, type ParsedForm } from './form-parse';
import { mapLimited } from './map-limited';
import { decodeText, isHtmlDocument } from './document-text';
import type { Probe } from './types';

export interface FormPageObservation {
  /** The URL as the auditor gave it. */
  url: string;
  /** Every URL of the redirect chain, in order; the last is where the page was read. */
  chain: string[];
  /** The last response's status; null when no response came. */
  status: number | null;
  contentType: string | null;
  /** Why the chain stopped early (network, loop, cap); null when the last response was read. */
  error: NetError | null;
  /** The page answered, but not with an HTML document (another content type, or binary content). */
  notHtml: boolean;
  /** The body was cut at the client's size cap: forms after it were not seen. */
  bodyTruncated: boolean;
  /** The Mautic forms on the page, and the other forms that ask for personal data. */
  forms: ParsedForm[];
  /** A parser cap was hit (forms per page, fields per form …). */
  formsTruncated: boolean;
  evidence: string[];
}

export interface FormsObservation {
  /** Each form page the auditor named (deduplicated, at most MAX_FORM_PAGES), fetched with redirects. */
  pages: FormPageObservation[];
  /** Form pages beyond the cap, not fetched. */
  skipped: number;
  /** The privacy policy the auditor named, to recognise a link to it; null when none was named. */
  privacyPolicyUrl: string | null;
}

export const MAX_FORM_PAGES = 50;
const CONCURRENCY = 4;

export function observeFormPage(url: string, exchanges: Exchange[], error: NetError | null): FormPageObservation {
  const last = exchanges[exchanges.length - 1];
  const response = error ? null : (last?.response ?? null);
  const contentType = response ? headerValue(response.headers, 'content-type') : null;
  const html = Boolean(response && last && isHtmlDocument(contentType, last.body));
  const { forms, truncated } = html ? extractForms(decodeText(last!.body, contentType), last!.request.url) : { forms: [], truncated: false };
  return {
    url,
    chain: exchanges.map((e) => e.request.url),
    status: response?.status ?? null,
    contentType,
    error: error ?? (response ? null : (last?.error ?? null)),
    notHtml: Boolean(response) && !html,
    bodyTruncated: Boolean(response && last?.truncated),
    forms,
    formsTruncated: truncated,
    evidence: exchanges.map((e) => e.evidence),
  };
}

/**
 * Fetches each form page the auditor named (`/form/{id}` or any page with a form; redirects followed, every
 * exchange kept as evidence) and parses its forms. No pages named: ok with an empty list.
 */
export const formsProbe: Probe<'forms'> = {
  id: 'forms',
  async run({ target, net }) {
    const unique = [...new Set((target.formUrls ?? []).map((u) => u.href))];
    const wanted = unique.slice(0, MAX_FORM_PAGES);
    const pages = await mapLimited(wanted, CONCURRENCY, async (href) => {
      const chain = await net.follow(new URL(href));
      return observeFormPage(href, chain.exchanges, chain.error);
    });
    return {
      ok: true,
      data: { pages, skipped: unique.length - wanted.length, privacyPolicyUrl: target.privacyPolicyUrl?.href ?? null },
      evidence: pages.flatMap((p) => p.evidence),
    };
  },
};
