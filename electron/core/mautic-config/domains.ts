/**
 * Public suffixes of more than one label that are common in the EU and among Mautic users. A heuristic, not
 * the Public Suffix List: a suffix missing here makes two sites of one such suffix look like one domain
 * (e.g. a.gv.at and b.gv.at), so the check never passes on this alone without saying so.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'ac.uk', 'gov.uk', 'sch.uk', 'nhs.uk', 'police.uk',
  'co.at', 'or.at', 'gv.at', 'ac.at',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'net.nz', 'org.nz', 'govt.nz', 'ac.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'com.br', 'net.br', 'org.br', 'com.ar', 'com.mx', 'com.co', 'com.pe',
  'com.cn', 'net.cn', 'org.cn', 'com.hk', 'com.sg', 'com.tw', 'com.my', 'co.kr', 'co.in', 'co.id', 'co.th',
  'co.za', 'org.za', 'co.il', 'com.tr', 'com.ua', 'com.pl', 'net.pl', 'org.pl', 'com.es', 'com.pt', 'com.gr',
  'com.cy', 'com.mt', 'co.hu', 'com.ro', 'co.rs', 'com.hr', 'co.no',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain ("eTLD+1") of a host name, by the list above; IP addresses and single labels as they are. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  if (IPV4.test(h) || h.includes(':')) return h;
  const labels = h.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(MULTI_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/** The host of a site_url or cors_valid_domains entry (`https://www.example.de`, or a bare `example.de`). */
export function hostOf(entry: string): string | null {
  const s = entry.trim();
  if (!s || s.includes('*')) return null;
  for (const candidate of [s, `https://${s}`]) {
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname && /^[a-z0-9.[\]:-]+$/i.test(url.hostname) && (url.hostname.includes('.') || url.hostname === 'localhost' || url.hostname.startsWith('['))) return url.hostname;
    } catch {
      // try the next form
    }
  }
  return null;
}
