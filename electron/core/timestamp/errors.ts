// Why no time stamp could be had from a TSA, as a code the CLI and the app translate.

export type TimestampErrorCode =
  | 'invalid-url' // not an http(s) URL
  | 'unreachable' // refused, no such host, connection reset
  | 'tls' // the TSA's https certificate is not trusted (system roots plus --ca)
  | 'timeout' // no complete answer in time
  | 'http-status' // an HTTP status other than 200
  | 'too-large' // an answer over the size cap
  | 'bad-response' // not a TimeStampResp (garbage), or granted without a token
  | 'rejected' // the TSA refused: PKIStatus rejection, waiting …
  | 'nonce-mismatch' // the token carries another nonce: a replayed or mixed-up answer
  | 'imprint-mismatch' // the token is over other bytes
  | 'bad-token'; // the token fails its own checks (signature, certificate …)

export interface TimestampErrorParams {
  /** The technical detail, English (an errno, a DER complaint, the problems found). */
  detail?: string;
  httpStatus?: number;
  /** The PKIStatus by name, the failInfo bits and what the TSA wrote (made printable). */
  pkiStatus?: string;
  failInfo?: string[];
  statusText?: string[];
}

export class TimestampError extends Error {
  constructor(
    readonly code: TimestampErrorCode,
    readonly url: string,
    readonly params: TimestampErrorParams = {},
    options?: ErrorOptions,
  ) {
    super(`time stamp from ${url}: ${code}${params.detail ? ` (${params.detail})` : ''}`, options);
    this.name = 'TimestampError';
  }
}
