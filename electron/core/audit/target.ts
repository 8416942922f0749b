import type { ConfigSource } from '../probes/config-source';
import type { AuditTarget } from '../probes/types';

/** Where plain HTTP is tested when nobody says otherwise: the same host on port 80. */
export function defaultHttpUrl(url: URL): URL {
  const http = new URL(url.href);
  http.protocol = 'http:';
  http.port = '';
  return http;
}

export interface TargetInput {
  baseUrl: string;
  httpUrl?: string | null;
  landingPages?: readonly string[];
  formUrls?: readonly string[];
  privacyPolicyUrl?: string | null;
  config?: ConfigSource | null;
  /** The client's registers with the vendor catalogue; null or absent: ropa.* and dpa.* are manual. */
  registers?: AuditTarget['registers'];
}

export function auditTarget(input: TargetInput): AuditTarget {
  const url = new URL(input.baseUrl);
  const urls = (list?: readonly string[]) => (list ?? []).map((p) => new URL(p));
  return {
    url,
    httpUrl: input.httpUrl ? new URL(input.httpUrl) : defaultHttpUrl(url),
    landingPages: urls(input.landingPages),
    formUrls: urls(input.formUrls),
    privacyPolicyUrl: input.privacyPolicyUrl ? new URL(input.privacyPolicyUrl) : null,
    config: input.config ?? null,
    registers: input.registers ?? null,
  };
}
