// The contract's schemas for comparing two runs of an installation (channel 'runs:compare'). Kept beside
// contract.ts, which lists the channels; the shapes mirror compare.ts.
import { z } from 'zod';
import { CHANGE_KINDS } from './compare';
import { LANGS, RUN_STATES, STATUSES } from './domain';

const id = z.number().int().positive();

export const compareArgsSchema = z.object({ runA: id, runB: id, lang: z.enum(LANGS) }).strict();

const comparedRunSchema = z.object({
  id,
  state: z.enum(RUN_STATES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  score: z.number().nullable(),
});

export const comparisonEntrySchema = z.object({
  itemId: z.string(),
  itemNumber: z.number(),
  itemTitle: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  subject: z.string(),
  before: z.enum(STATUSES).nullable(),
  after: z.enum(STATUSES).nullable(),
  change: z.enum(CHANGE_KINDS),
  reason: z.enum(['returned', 'worse']).optional(),
  evidenceBefore: z.array(z.string()),
  evidenceAfter: z.array(z.string()),
});

/** Two runs of one installation side by side: `before` is always the older one, whatever order they were asked in. */
export const comparisonViewSchema = z.object({
  installationId: id,
  before: comparedRunSchema,
  after: comparedRunSchema,
  counts: z.record(z.enum(CHANGE_KINDS), z.number()),
  entries: z.array(comparisonEntrySchema),
});

export type ComparisonView = z.output<typeof comparisonViewSchema>;
export type ComparisonEntryView = z.output<typeof comparisonEntrySchema>;
