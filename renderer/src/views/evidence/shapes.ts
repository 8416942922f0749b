// The structured evidence documents, read defensively: a document that does not match is shown as raw text.
// Shapes: electron/core/net/evidence.ts (http-exchange), electron/core/probes/tls-certificate.ts
// (tls-handshake), electron/core/probes/tls-protocols.ts (tls-protocols).
import { z } from 'zod';

const nstr = z.string().nullable().optional();
const headers = z.array(z.tuple([z.string(), z.string()]));
const netError = z.object({ code: z.string(), message: z.string() }).nullable().optional();

export const httpExchangeDoc = z.object({
  request: z.object({ method: z.string(), url: z.string(), headers }),
  response: z.object({ status: z.number(), statusText: z.string(), httpVersion: z.string(), headers }).nullable(),
  body: z
    .object({ sha256: z.string(), bytesKept: z.number(), bytesRead: z.number(), truncated: z.boolean(), excerpt: z.string() })
    .nullable()
    .optional(),
  tls: z
    .object({
      protocol: nstr,
      cipher: nstr,
      trusted: z.boolean().nullable().optional(),
      trustError: nstr,
      hostnameMatches: z.boolean().nullable().optional(),
      leafFingerprint256: nstr,
    })
    .nullable()
    .optional(),
  error: netError,
  startedAt: nstr,
  ms: z.number().nullable().optional(),
});
export type HttpExchangeDoc = z.output<typeof httpExchangeDoc>;

export const certificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()).optional().default([]),
  validFrom: z.string(),
  validTo: z.string(),
  serialNumber: z.string(),
  fingerprint256: z.string(),
  keyType: z.string(),
  keyBits: z.number().nullable().optional(),
  pem: z.string(),
});
export type CertificateDoc = z.output<typeof certificate>;

export const tlsHandshakeDoc = z.object({
  host: z.string(),
  port: z.number(),
  error: netError,
  ms: z.number().nullable().optional(),
  protocol: nstr,
  cipher: nstr,
  trusted: z.boolean().nullable().optional(),
  trustError: nstr,
  hostnameMatches: z.boolean().nullable().optional(),
  hostnameError: nstr,
  viaExtraCa: z.boolean().nullable().optional(),
  chain: z.array(certificate).optional().default([]),
});
export type TlsHandshakeDoc = z.output<typeof tlsHandshakeDoc>;

export const tlsProtocolsDoc = z.object({
  host: z.string(),
  handshakes: z.array(
    z.object({
      requested: z.string(),
      accepted: z.boolean(),
      negotiated: nstr,
      cipher: nstr,
      error: netError,
      ms: z.number().nullable().optional(),
    }),
  ),
});
export type TlsProtocolsDoc = z.output<typeof tlsProtocolsDoc>;
