// The contract's schemas for importing a targets file (the list `audit --targets` reads) as clients and
// installations; the shapes mirror core/batch/target-list.ts.
import { z } from 'zod';
import { LANGS } from './domain';

/** The installation fields a targets file sets. */
export const TARGET_LIST_FIELDS = ['name', 'httpUrl', 'landingPages', 'formUrls', 'privacyPolicyUrl', 'configPath', 'crontabPath', 'ssh'] as const;

export const targetListArgsSchema = z
  .object({ file: z.string().max(4096).trim().min(1, 'the path of the targets file is required'), lang: z.enum(LANGS) })
  .strict();

export const targetListPlanSchema = z.object({
  file: z.string(),
  rows: z.array(
    z.object({
      row: z.number().int().positive(),
      client: z.string(),
      installation: z.string(),
      baseUrl: z.string(),
      action: z.enum(['add-client', 'add', 'update', 'unchanged']),
      storedClient: z.string().nullable(),
      changes: z.array(z.object({ field: z.enum(TARGET_LIST_FIELDS), from: z.string(), to: z.string() })),
    }),
  ),
  /** Each bad row (row 0 and column '' for the file as a whole); with any, nothing can be applied. */
  errors: z.array(z.object({ row: z.number().int().nonnegative(), column: z.string(), message: z.string() })),
});

export const targetListOutcomeSchema = z.object({
  clientsAdded: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

export type TargetListField = (typeof TARGET_LIST_FIELDS)[number];
export type TargetListPlan = z.output<typeof targetListPlanSchema>;
export type TargetListPlanRow = TargetListPlan['rows'][number];
