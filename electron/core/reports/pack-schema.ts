// The shape of a pack manifest as verify-pack.ts accepts it: what pack.ts writes now, and what older versions
// wrote (fields added later are optional).
import { z } from 'zod';
import { PACK_FORMAT, PACK_VERSION } from './pack';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const judgementSchema = z.object({
  checkId: z.string(),
  kind: z.string(),
  status: z.string(),
  measured: z.string(),
  by: z.string(),
  at: z.string(),
  madeInRun: z.number().int(),
  stale: z.boolean(),
  evidence: sha256,
  attachments: z.array(z.object({ sha256, mediaType: z.string(), size: z.number().int().nonnegative() })),
});
export const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  run: z.object({
    id: z.number(),
    client: z.string(),
    installation: z.object({ name: z.string(), baseUrl: z.string() }),
    targetUrl: z.string(),
    checklist: z.object({ id: z.string(), version: z.string() }),
    engineVersion: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    state: z.string(),
    // Absent in packs written before completeness was recorded.
    complete: z.boolean().optional(),
    undecided: z.object({ checks: z.number().int().nonnegative(), byCause: z.array(z.object({ cause: z.string(), checkIds: z.array(z.string()) })) }).optional(),
  }),
  chainHead: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  createdAt: z.string(),
  files: z.array(z.object({ path: z.string().min(1), sha256, size: z.number().int().nonnegative() })),
  evidence: z.array(z.object({ sha256, kind: z.string(), capturedAt: z.string(), summary: z.string(), mediaType: z.string() })),
  // Absent in packs written before the auditor's judgements were recorded.
  judgements: z.array(judgementSchema).optional(),
  publicKey: z.string(),
  publicKeyFingerprint: z.string(),
});
