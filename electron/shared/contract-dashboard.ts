// The contract's schemas for the DPO's dashboard: the compliance score over time per installation, open findings
// by severity, overdue and upcoming due dates, and the oldest open finding. Built by core/service/dashboard.ts.
import { z } from 'zod';
import { isoDateSchema } from './contract-dates';
import { LANGS, SEVERITIES } from './domain';
import { FINDING_STATUSES } from './findings';

const id = z.number().int().positive();

/** Days ahead that count as "upcoming" for a due date. */
export const UPCOMING_DAYS = 14;

/** One finished run's score. `complete: false`: some automated checks could not run, so the score is provisional. */
export const scorePointSchema = z.object({ runId: id, at: z.string(), score: z.number(), complete: z.boolean() });

export const installationSeriesSchema = z.object({
  installationId: id,
  name: z.string(),
  baseUrl: z.string(),
  points: z.array(scorePointSchema),
  /** Targeted re-audits left out of the series: their score covers only the re-checked subset. */
  targetedLeftOut: z.number().int().nonnegative(),
  /** The installation's findings that are open, in progress or an accepted risk (its share of openBySeverity). */
  openFindings: z.number().int().nonnegative(),
});

/** A finding as the dashboard lists it: enough to recognise it and see who owns it and when it is due. */
export const dashboardFindingSchema = z.object({
  id,
  installationId: id,
  installationName: z.string(),
  checkId: z.string(),
  title: z.string(),
  subject: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  owner: z.string(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  /** Days from today to the due date: negative when overdue; null without a due date. */
  daysLeft: z.number().int().nullable(),
});

export const dashboardSchema = z.object({
  scope: z.enum(['installation', 'client']),
  today: z.string(),
  series: z.array(installationSeriesSchema),
  /** Counts of findings that are open, in progress or an accepted risk. */
  openBySeverity: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().nonnegative()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>),
  /** Open or in-progress findings due before today, longest overdue first. */
  overdue: z.array(dashboardFindingSchema),
  /** Open or in-progress findings due today or within UPCOMING_DAYS days, soonest first. */
  upcoming: z.array(dashboardFindingSchema),
  /** The open or in-progress finding created first, with its age in days. */
  oldest: dashboardFindingSchema.extend({ ageDays: z.number().int().nonnegative() }).nullable(),
});

export const dashboardArgsSchema = z
  .object({ installationId: id.optional(), clientId: id.optional(), lang: z.enum(LANGS), today: isoDateSchema.optional() })
  .strict()
  .refine((a) => (a.installationId === undefined) !== (a.clientId === undefined), 'give installationId or clientId');

export type DashboardView = z.output<typeof dashboardSchema>;
export type DashboardFinding = z.output<typeof dashboardFindingSchema>;
export type InstallationSeries = z.output<typeof installationSeriesSchema>;
export type ScorePoint = z.output<typeof scorePointSchema>;
