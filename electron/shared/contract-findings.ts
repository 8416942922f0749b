// The contract's schemas for findings across audits; the shapes mirror findings.ts.
import { z } from 'zod';
import { isoDateSchema } from './contract-dates';
import { SEVERITIES } from './domain';
import { FINDING_EVENT_KINDS, FINDING_STATUSES } from './findings';

const id = z.number().int().positive();

export const findingSchema = z.object({
  id,
  installationId: id,
  checkId: z.string(),
  subject: z.string(),
  itemId: z.string(),
  severity: z.enum(SEVERITIES),
  measured: z.enum(['fail', 'warn']),
  status: z.enum(FINDING_STATUSES),
  owner: z.string(),
  dueOn: z.string().nullable(),
  reason: z.string(),
  expiresOn: z.string().nullable(),
  firstRunId: id,
  lastSeenRunId: id,
  fixedRunId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A finding with the texts the app shows: its check's title and item, in the language asked for. */
export const findingViewSchema = findingSchema.extend({ checkTitle: z.string(), itemTitle: z.string(), itemNumber: z.number() });

/** A finding beside a check of one run: the check failed or warned on its subject there, or the run proved it fixed. */
export const runFindingSchema = z.object({ checkId: z.string(), inRun: z.enum(['failing', 'fixed']), finding: findingViewSchema });

export const findingPatchSchema = z
  .object({
    status: z.enum(['open', 'in-progress', 'accepted-risk', 'false-positive']).optional(),
    owner: z.string().max(200).optional(),
    dueOn: isoDateSchema.nullable().optional(),
    reason: z.string().max(20_000).optional(),
    expiresOn: isoDateSchema.nullable().optional(),
  })
  .strict();

export const findingEventSchema = z.object({
  id,
  findingId: id,
  runId: id.nullable(),
  kind: z.enum(FINDING_EVENT_KINDS),
  by: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  evidence: z.string(),
});

export const findingsScopeSchema = z.union([z.object({ installationId: id }).strict(), z.object({ clientId: id }).strict()]);
