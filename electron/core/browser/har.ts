import type { LoggedRequest } from './request-log';

const headerList = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));

/** A HAR 1.2 file of one visit, from the request log; response bodies capped (a comment says where). */
export function buildHar(input: { pageUrl: string; startedAt: string; browser: string; creatorVersion: string; requests: LoggedRequest[] }): string {
  const entries = input.requests.map((r) => {
    let queryString: { name: string; value: string }[] = [];
    try {
      queryString = [...new URL(r.url).searchParams].map(([name, value]) => ({ name, value }));
    } catch {
      // not a URL with a query
    }
    return {
      pageref: 'page_1',
      startedDateTime: r.startedDateTime,
      time: r.durationMs,
      request: { method: r.method, url: r.url, httpVersion: 'HTTP/1.1', headers: headerList(r.requestHeaders), queryString, cookies: [], headersSize: -1, bodySize: -1 },
      response: {
        status: r.status ?? 0,
        statusText: r.blocked ? `blocked by Prüfstand (${r.blocked})` : r.failed ?? r.statusText,
        httpVersion: 'HTTP/1.1',
        headers: headerList(r.responseHeaders),
        cookies: [],
        content: {
          size: r.encodedBytes,
          mimeType: r.mimeType ?? 'x-unknown',
          ...(r.body ? { text: r.body.text, ...(r.body.base64 ? { encoding: 'base64' } : {}) } : {}),
          ...(r.body?.truncated ? { comment: 'body cut at the cap' } : {}),
        },
        redirectURL: r.responseHeaders.location ?? r.responseHeaders.Location ?? '',
        headersSize: -1,
        bodySize: r.encodedBytes || -1,
      },
      cache: {},
      timings: { send: 0, wait: r.durationMs, receive: 0 },
      _resourceType: r.type,
      _initiator: r.initiatorUrl ?? r.initiator,
      _phase: r.phase,
      ...(r.blocked ? { _blocked: r.blocked } : {}),
    };
  });
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'Prüfstand', version: input.creatorVersion },
      browser: { name: input.browser.split(' ')[0] ?? 'Chromium', version: input.browser.split(' ').slice(1).join(' ') },
      pages: [{ startedDateTime: input.startedAt, id: 'page_1', title: input.pageUrl, pageTimings: {} }],
      entries,
    },
  });
}
