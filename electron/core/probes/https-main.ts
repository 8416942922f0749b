import type { Probe } from './types';

/**
 * Fetches the installation's https URL, following redirects; the final response is the page whose
 * headers are judged. An untrusted certificate does not stop the fetch: the headers are still checked.
 */
export const httpsMainProbe: Probe<'https-main'> = {
  id: 'https-main',
  async run({ target, net }) {
    const chain = await net.follow(target.url);
    const evidence = chain.exchanges.map((e) => e.evidence);
    if (chain.error) return { ok: false, error: chain.error, evidence };
    return { ok: true, data: { exchanges: chain.exchanges }, evidence };
  },
};
