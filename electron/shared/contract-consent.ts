// The contract's schemas for the consent matrix of a run (runs:consent); the shapes are consent.ts's ConsentVisit,
// whole, so that the renderer hands them to shared/consent-matrix.ts as they are. The service
// also parses each stored 'browser-visit' record with visitRecordSchema, so a malformed record never reaches the app.
import { z } from 'zod';
import { CONSENT_ACTIONS, type ConsentVisitRecord, type TrackingList } from './consent';

const id = z.number().int().positive();
const phase = z.enum(['before', 'after']);
const button = z.object({ by: z.enum(['cmp', 'label']), selector: z.string(), text: z.string() });

export const consentVisitSchema = z.object({
  action: z.enum(CONSENT_ACTIONS),
  error: z.object({ code: z.enum(['timeout', 'crashed', 'navigation', 'blocked', 'browser', 'aborted']), message: z.string() }).nullable(),
  finalUrl: z.string().nullable(),
  status: z.number().nullable(),
  banner: z.object({
    cmp: z.object({ id: z.string(), name: z.string() }).nullable(),
    shown: z.boolean(),
    accept: button.nullable(),
    reject: button.nullable(),
  }),
  clicked: button.nullable(),
  clickedAt: z.string().nullable(),
  requests: z.array(
    z.object({
      url: z.string(),
      method: z.string(),
      type: z.string(),
      initiator: z.string(),
      initiatorUrl: z.string().nullable(),
      thirdParty: z.boolean(),
      phase,
      atMs: z.number(),
      status: z.number().nullable(),
      blocked: z.enum(['lan', 'navigation', 'cap', 'scheme', 'certificate']).nullable(),
      failed: z.string().nullable(),
    }),
  ),
  requestsCapped: z.number().int().nonnegative(),
  cookies: z.array(
    z.object({
      name: z.string(),
      domain: z.string(),
      path: z.string(),
      expires: z.string().nullable(),
      httpOnly: z.boolean(),
      secure: z.boolean(),
      sameSite: z.string().nullable(),
      firstParty: z.boolean(),
      phase,
    }),
  ),
  storage: z.object({
    before: z.object({ local: z.array(z.string()), session: z.array(z.string()) }),
    after: z.object({ local: z.array(z.string()), session: z.array(z.string()) }).nullable(),
  }),
  dismissed: z.object({ dialogs: z.number(), popups: z.number(), downloads: z.number() }),
  startedAt: z.string(),
  ms: z.number(),
  /** SHA-256 of the record itself, the screenshot and the HAR (each a stored evidence item of the run). */
  evidence: z.object({ record: z.string().nullable(), screenshot: z.string().nullable(), har: z.string().nullable() }),
});

/** One stored 'browser-visit' evidence item, as the visit engine writes it (core/browser/consent-visit.ts). */
export const visitRecordSchema = z.object({ page: z.string(), installationHost: z.string(), browser: z.string(), visit: consentVisitSchema });

export const consentPageSchema = z.object({
  url: z.string(),
  installationHost: z.string(),
  browser: z.string(),
  /** In the order none, accept, reject; a visit the run did not record is missing. */
  visits: z.array(consentVisitSchema),
});

export const trackingListSchema = z.object({
  source: z.string(),
  hosts: z.array(z.object({ host: z.string(), path: z.string().nullable(), name: z.string() })),
  cookies: z.array(z.object({ pattern: z.string(), name: z.string() })),
  mauticPaths: z.array(z.string()),
});

export const consentArgsSchema = z.object({ runId: id }).strict();
export const screenshotArgsSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex') }).strict();
/** A visit's screenshot as checked PNG bytes (base64): the renderer shows it from a blob: URL, never from the site. */
export const screenshotSchema = z.object({ sha256: z.string(), width: z.number().int().positive(), height: z.number().int().positive(), pngBase64: z.string() });
export const runConsentSchema = z.object({
  pages: z.array(consentPageSchema),
  /** 'browser-visit' records of the run that could not be read (not JSON, another shape). */
  unreadable: z.number().int().nonnegative(),
  tracking: trackingListSchema,
});

// The schemas and consent.ts's types cannot drift apart: each must give what the other declares.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const recordSchemaMatchesType: Same<z.output<typeof visitRecordSchema>, ConsentVisitRecord> = true;
export const trackingSchemaMatchesType: Same<z.output<typeof trackingListSchema>, TrackingList> = true;
