// The run file manifest as import accepts it: anything else is refused before a row is written.
import { z } from 'zod';
import { ERROR_CAUSES, EVIDENCE_KINDS, RUN_STATES, SEVERITIES, STATUSES } from '../../shared/domain';
import { RUNFILE_FORMAT, RUNFILE_VERSION } from './format';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time');
const webUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'not an http(s) URL');
const status = z.enum(STATUSES);
const param = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const findingSchema = z.object({
  code: z.string(),
  status,
  params: z.record(z.string(), param).optional(),
  cause: z.enum(ERROR_CAUSES).optional(),
});
const checkSchema = z.object({
  checkId: z.string().min(1),
  status,
  findings: z.array(findingSchema),
  message: z.string(),
  evidence: z.array(sha256),
  automated: z.boolean(),
});
const itemSchema = z.object({
  itemId: z.string().min(1),
  status,
  severity: z.enum(SEVERITIES),
  title: z.string(),
  checks: z.array(checkSchema),
});
const summarySchema = z.object({
  counts: z.record(status, z.number().int().nonnegative()),
  score: z.number().min(0).max(100).nullable(),
  headerScore: z
    .object({ score: z.number().min(0).max(100), grade: z.string(), modifiers: z.array(z.object({ test: z.string(), result: z.string(), modifier: z.number() })) })
    .nullable(),
});
const evidenceSchema = z.object({
  sha256,
  kind: z.enum(EVIDENCE_KINDS),
  summary: z.string(),
  capturedAt: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
});
const entrySchema = z.object({
  client: z.string().trim().min(1),
  installation: z.object({
    name: z.string().trim().min(1),
    baseUrl: webUrl,
    httpUrl: webUrl.nullable(),
    landingPages: z.array(webUrl),
    formUrls: z.array(webUrl),
    privacyPolicyUrl: webUrl.nullable(),
  }),
  run: z.object({
    id: z.number().int(),
    checklistId: z.string().min(1),
    checklistVersion: z.string(),
    engineVersion: z.string(),
    targetUrl: z.string(),
    options: z.record(z.string(), z.unknown()),
    state: z.enum(RUN_STATES.filter((s) => s !== 'running') as ['complete', 'incomplete', 'cancelled']),
    startedAt: isoTime,
    finishedAt: isoTime,
    items: z.array(itemSchema),
    summary: summarySchema,
  }),
  evidence: z.array(evidenceSchema),
});

export const runFileManifestSchema = z.object({
  format: z.literal(RUNFILE_FORMAT),
  version: z.literal(RUNFILE_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  createdAt: isoTime,
  runs: z.array(entrySchema).min(1),
  publicKey: z.string(),
  publicKeyFingerprint: z.string(),
});
