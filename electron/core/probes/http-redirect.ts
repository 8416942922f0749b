import type { Probe } from './types';

/** Requests the plain-HTTP URL and follows where it sends the visitor. */
export const httpRedirectProbe: Probe<'http-redirect'> = {
  id: 'http-redirect',
  async run({ target, net }) {
    const chain = await net.follow(target.httpUrl);
    const evidence = chain.exchanges.map((e) => e.evidence);
    const first = chain.exchanges[0];
    // Nothing listening on plain HTTP is an observation in itself, not a failure to observe.
    const connectError = first && !first.response && first.error?.code === 'refused' ? first.error : null;
    if (chain.error && !connectError && chain.exchanges.every((e) => !e.response)) {
      return { ok: false, error: chain.error, evidence };
    }
    return { ok: true, data: { exchanges: chain.exchanges, chainError: chain.error, connectError }, evidence };
  },
};
