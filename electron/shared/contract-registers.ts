// The contract's schemas for the registers (processors, records of processing) and the auditor's judgement.
// Kept beside contract.ts, which lists the channels; the shapes mirror registers.ts.
import { z } from 'zod';
import { isoDateSchema } from './contract-dates';
import { STATUSES } from './domain';
import { JUDGEMENT_KINDS, LEGAL_BASES, PROCESSOR_ROLES, SPECIAL_BASES, TRANSFER_BASES } from './registers';

const id = z.number().int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const text = (max: number) => z.string().max(max);

/** A document sent from the renderer: at most 50 MB, as base64 (the store checks the size again). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const uploadSchema = z.object({
  fileName: text(255).trim().min(1),
  base64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
}).strict();

export const processorInputSchema = z.object({
  name: text(300).trim().min(1, 'a name is required'),
  service: text(2000),
  role: z.enum(PROCESSOR_ROLES),
  country: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, 'a two-letter ISO country code (DE, IE, US …)'),
  dpaSignedOn: isoDateSchema.nullable(),
  dpaDocument: sha256.nullable(),
  transferBasis: z.enum(TRANSFER_BASES).nullable(),
  subProcessors: z.array(text(300)).max(500),
  nextReviewOn: isoDateSchema.nullable(),
  notes: text(20_000),
}).strict();
export const processorSchema = processorInputSchema.extend({ id, clientId: id, updatedAt: z.string() });

export const activityInputSchema = z.object({
  activity: text(300).trim().min(1, 'an activity is required'),
  purposes: text(5000),
  legalBasis: z.enum(LEGAL_BASES).nullable(),
  specialBasis: z.enum(SPECIAL_BASES).nullable(),
  dataCategories: text(5000),
  subjectCategories: text(5000),
  recipients: text(5000),
  thirdCountryTransfers: text(5000),
  retention: text(5000),
  tomReference: text(2000),
}).strict();
export const activitySchema = activityInputSchema.extend({ id, clientId: id, updatedAt: z.string() });

export const registersSchema = z.object({ processors: z.array(processorSchema), activities: z.array(activitySchema) });

export const registerChangesSchema = z.object({
  processors: z.object({ add: z.array(processorInputSchema).max(10_000), change: z.array(z.object({ id, input: processorInputSchema }).strict()).max(10_000) }).strict(),
  activities: z.object({ add: z.array(activityInputSchema).max(10_000), change: z.array(z.object({ id, input: activityInputSchema }).strict()).max(10_000) }).strict(),
}).strict();

export const registerImportPlanSchema = z.object({
  changes: registerChangesSchema,
  unchanged: z.object({ processors: z.number(), activities: z.number() }),
  before: z.object({ processors: z.array(processorSchema), activities: z.array(activitySchema) }),
  errors: z.array(z.object({ sheet: z.string(), row: z.number(), column: z.string(), message: z.string() })),
});

const judgedStatus = z.enum(STATUSES).refine((s) => s !== 'manual' && s !== 'error', 'pass, fail, warn or not_applicable');
export const judgementInputSchema = z.object({
  runId: id,
  kind: z.enum(JUDGEMENT_KINDS),
  checkId: text(200).min(1),
  status: judgedStatus,
  statement: text(20_000).trim().min(1, 'a statement (or, for an override, the reason) is required'),
  by: text(200).trim().min(1, 'who judges is required'),
  attachments: z.array(uploadSchema).max(20),
}).strict();

export const judgementSchema = z.object({
  id,
  installationId: id,
  runId: id,
  kind: z.enum(JUDGEMENT_KINDS),
  checkId: z.string(),
  status: z.enum(STATUSES),
  statement: z.string(),
  by: z.string(),
  attachments: z.array(z.string()),
  at: z.string(),
  evidence: z.string(),
  withdrawn: z.object({ by: z.string(), at: z.string(), reason: z.string(), evidence: z.string() }).nullable(),
});
