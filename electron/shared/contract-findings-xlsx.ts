// The contract's schemas for the findings' Excel round trip: export the open findings for the client's team,
// preview and apply the returned workbook. Types for core/findings-xlsx are derived from these schemas.
import { z } from 'zod';
import { uploadSchema } from './contract-registers';
import { LANGS } from './domain';

const id = z.number().int().positive();
const lang = z.enum(LANGS);
const by = z.string().max(200).trim().min(1, 'who makes the change is required');

/** The fields of a finding the client's team may change in the workbook. */
export const FINDING_FILE_FIELDS = ['status', 'owner', 'dueOn', 'reason', 'expiresOn'] as const;
export type FindingFileField = (typeof FINDING_FILE_FIELDS)[number];

const field = z.enum(FINDING_FILE_FIELDS);
const value = z.string().nullable();

/** What an exported workbook covers: one installation or all of a client's; `label` is its address or name. */
export const findingsScopeRefSchema = z.object({ kind: z.enum(['installation', 'client']), id, label: z.string() });

export const findingsFileChangeSchema = z.object({
  findingId: id,
  /** The row of the workbook, as the spreadsheet shows it. */
  row: z.number().int().positive(),
  fields: z.array(z.object({ field, from: value, to: value })),
  /** A new comment from the file, or null. */
  comment: z.string().nullable(),
});

/** The finding changed in the app after the export, and the file changes this field too. */
export const findingsFileConflictSchema = z.object({ findingId: id, row: z.number().int().positive(), field, atExport: value, inApp: value, inFile: value });

export const findingsFileRowErrorSchema = z.object({ sheet: z.string(), row: z.number().int().nonnegative(), column: z.string(), message: z.string() });

export const findingsImportPlanSchema = z.object({
  scope: findingsScopeRefSchema,
  exportedAt: z.string(),
  changes: z.array(findingsFileChangeSchema),
  conflicts: z.array(findingsFileConflictSchema),
  unchanged: z.number().int().nonnegative(),
  errors: z.array(findingsFileRowErrorSchema),
});

export const FINDINGS_RESOLUTIONS = ['ours', 'theirs'] as const;
export type FindingsResolution = (typeof FINDINGS_RESOLUTIONS)[number];

const scopeArgs = { installationId: id.optional(), clientId: id.optional() };
const oneScope = (a: { installationId?: number; clientId?: number }) => (a.installationId === undefined) !== (a.clientId === undefined);

export const findingsExportArgsSchema = z.object({ ...scopeArgs, lang }).strict().refine(oneScope, 'give installationId or clientId');
export const findingsExportResultSchema = z.object({ file: z.string(), count: z.number().int().nonnegative() });
export const findingsImportPreviewArgsSchema = z.object({ file: uploadSchema, lang }).strict();
/** The file again (never a plan from the renderer): it is planned anew against the store, then applied. */
export const findingsImportApplyArgsSchema = z.object({ file: uploadSchema, lang, by, resolve: z.enum(FINDINGS_RESOLUTIONS).optional() }).strict();
export const findingsImportResultSchema = z.object({ changed: z.number().int().nonnegative(), commented: z.number().int().nonnegative(), conflictsResolved: z.number().int().nonnegative() });

export type FindingsScopeRef = z.output<typeof findingsScopeRefSchema>;
export type FindingsFileChange = z.output<typeof findingsFileChangeSchema>;
export type FindingsFileConflict = z.output<typeof findingsFileConflictSchema>;
export type FindingsFileRowError = z.output<typeof findingsFileRowErrorSchema>;
export type FindingsImportPlan = z.output<typeof findingsImportPlanSchema>;
export type FindingsImportResult = z.output<typeof findingsImportResultSchema>;
