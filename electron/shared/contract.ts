// The one list of IPC channels. Main (ipc.ts), the preload, the renderer's api.ts and the loopback bridge
// are all derived from CONTRACT: adding a feature starts here. Arguments are validated with these schemas on
// every call; results cross the boundary as Result<T>.
import { z } from 'zod';
import {
  activityInputSchema,
  activitySchema,
  judgementInputSchema,
  judgementSchema,
  processorInputSchema,
  processorSchema,
  registerChangesSchema,
  registerImportPlanSchema,
  registersSchema,
  uploadSchema,
} from './contract-registers';
import { targetListArgsSchema, targetListOutcomeSchema, targetListPlanSchema } from './contract-target-list';
import { findingEventSchema, findingPatchSchema, findingViewSchema, runFindingSchema } from './contract-findings';
import { compareArgsSchema, comparisonViewSchema } from './contract-compare';
import { dashboardArgsSchema, dashboardSchema } from './contract-dashboard';
import { consentArgsSchema, runConsentSchema, screenshotArgsSchema, screenshotSchema } from './contract-consent';
import {
  findingsExportArgsSchema,
  findingsExportResultSchema,
  findingsImportApplyArgsSchema,
  findingsImportPlanSchema,
  findingsImportPreviewArgsSchema,
  findingsImportResultSchema,
} from './contract-findings-xlsx';
import { ERROR_CAUSES, LANGS, RUN_STATES, SEVERITIES, SSH_AUTH_KINDS, STATUSES } from './domain';

const id = z.number().int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const text = (max: number) => z.string().max(max);
const httpUrl = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
const httpsUrl = httpUrl(['https:']);
const anyWebUrl = httpUrl(['https:', 'http:']);
const pem = text(256 * 1024).refine((v) => v.includes('-----BEGIN CERTIFICATE-----'), 'a PEM file with -----BEGIN CERTIFICATE-----');

export const langSchema = z.enum(LANGS);
export const statusSchema = z.enum(STATUSES);
export const severitySchema = z.enum(SEVERITIES);

export const clientSchema = z.object({ id, name: z.string(), notes: z.string(), createdAt: z.string() });
export const clientInputSchema = z.object({ name: text(200).trim().min(1, 'a name is required'), notes: text(20_000).optional() });

const filePath = text(4096).trim();
export const sshSettingsSchema = z.object({
  host: text(255).trim().min(1, 'a host is required'),
  port: z.number().int().min(1).max(65535),
  username: text(64).trim().min(1, 'a user name is required'),
  auth: z.enum(SSH_AUTH_KINDS),
  keyPath: filePath.nullable(),
  mauticRoot: text(1024).trim().nullable(),
  webUser: text(64).trim().nullable(),
  hostKeySha256: z.string().trim().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'a fingerprint like SHA256:… (as ssh-keygen -lf prints it)').nullable(),
});

export const installationSchema = z.object({
  id,
  clientId: id,
  name: z.string(),
  baseUrl: z.string(),
  httpUrl: z.string().nullable(),
  landingPages: z.array(z.string()),
  privacyPolicyUrl: z.string().nullable(),
  formUrls: z.array(z.string()),
  configPath: z.string().nullable(),
  crontabPath: z.string().nullable(),
  ssh: sshSettingsSchema.nullable(),
  hasSecret: z.boolean(),
  caPem: z.string().nullable(),
  caName: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
});
export const installationInputSchema = z.object({
  clientId: id,
  name: text(200).trim().min(1, 'a name is required'),
  baseUrl: httpsUrl,
  httpUrl: httpUrl(['http:']).nullable().optional(),
  landingPages: z.array(anyWebUrl).max(200).optional(),
  privacyPolicyUrl: anyWebUrl.nullable().optional(),
  formUrls: z.array(anyWebUrl).max(200).optional(),
  configPath: filePath.nullable().optional(),
  crontabPath: filePath.nullable().optional(),
  ssh: sshSettingsSchema.nullable().optional(),
  caPem: pem.nullable().optional(),
  caName: text(255).nullable().optional(),
  notes: text(20_000).optional(),
});

const findingSchema = z.object({
  code: z.string(),
  status: statusSchema,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])).readonly()])).optional(),
  cause: z.enum(ERROR_CAUSES).optional(),
});
export const checkResultSchema = z.object({
  checkId: z.string(),
  status: statusSchema,
  findings: z.array(findingSchema),
  message: z.string(),
  evidence: z.array(z.string()),
  automated: z.boolean(),
  /** Title and, for manual checks, what the auditor must look at — in the requested language. */
  title: z.string(),
  manual: z.string().nullable(),
});
export const itemViewSchema = z.object({
  itemId: z.string(),
  number: z.number(),
  status: statusSchema,
  severity: severitySchema,
  title: z.string(),
  description: z.string(),
  advice: z.string(),
  gdpr: z.array(z.string()),
  checks: z.array(checkResultSchema),
});
export const evidenceRefSchema = z.object({ sha256: z.string(), kind: z.string(), capturedAt: z.string(), summary: z.string() });
export const runInfoSchema = z.object({
  id,
  installationId: id,
  checklistId: z.string(),
  checklistVersion: z.string(),
  engineVersion: z.string(),
  targetUrl: z.string(),
  state: z.enum(RUN_STATES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  score: z.number().nullable(),
  headerScore: z.number().nullable(),
  headerGrade: z.string().nullable(),
  /** Automated checks that ended in `error`: a run with any is incomplete, whatever its state. */
  errorChecks: z.number().int().nonnegative(),
});
export const runViewSchema = runInfoSchema.extend({
  counts: z.record(statusSchema, z.number()).nullable(),
  items: z.array(itemViewSchema),
  evidence: z.array(evidenceRefSchema),
});
export const evidenceViewSchema = evidenceRefSchema.extend({
  mediaType: z.string(),
  size: z.number(),
  /** The content decoded as UTF-8 text, capped; never markup to render. */
  text: z.string(),
  truncated: z.boolean(),
  /** Parsed JSON for the structured kinds (http-exchange, tls-handshake, tls-protocols); null otherwise. */
  json: z.unknown().nullable(),
});

export const auditEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId: id, totalChecks: z.number(), totalProbes: z.number() }),
  z.object({ type: z.literal('probe-started'), probeId: z.string() }),
  z.object({ type: z.literal('probe-finished'), probeId: z.string(), ok: z.boolean(), ms: z.number() }),
  z.object({ type: z.literal('check-started'), checkId: z.string() }),
  z.object({ type: z.literal('check-finished'), checkId: z.string(), status: statusSchema, done: z.number(), total: z.number() }),
  z.object({ type: z.literal('run-finished'), runId: id, state: z.enum(RUN_STATES) }),
  /** The audit could not run at all (bad CA file, store error …); no run-finished follows. */
  z.object({ type: z.literal('run-failed'), message: z.string() }),
  /** Progress of a report export (the envelope's id is the export's id). */
  z.object({ type: z.literal('export-progress'), step: z.string(), done: z.number(), total: z.number() }),
]);

export const REPORT_KINDS = ['pdf', 'xlsx', 'pack'] as const;
/** What the system's file dialog is asked to pick. */
export const FILE_PURPOSES = ['config', 'crontab', 'ssh-key', 'run-file', 'targets'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const none = z.object({}).strict();
const channel = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const CONTRACT = {
  'app:info': channel(
    none,
    z.object({ version: z.string(), locale: z.string(), storeFile: z.string(), canPickFiles: z.boolean(), canKeepSecrets: z.boolean() }),
  ),
  /** The system's file dialog (app only); null when the user cancels. */
  'files:pick': channel(z.object({ purpose: z.enum(FILE_PURPOSES) }).strict(), z.string().nullable()),
  'clients:list': channel(none, z.array(clientSchema)),
  'clients:create': channel(clientInputSchema.strict(), clientSchema),
  'clients:update': channel(z.object({ id, patch: clientInputSchema.partial().strict() }).strict(), clientSchema),
  'clients:delete': channel(z.object({ id }).strict(), z.null()),
  'installations:list': channel(z.object({ clientId: id }).strict(), z.array(installationSchema)),
  'installations:create': channel(installationInputSchema.strict(), installationSchema),
  'installations:update': channel(z.object({ id, patch: installationInputSchema.omit({ clientId: true }).partial().strict() }).strict(), installationSchema),
  'installations:delete': channel(z.object({ id }).strict(), z.null()),
  /** Keeps the SSH password or key passphrase encrypted by the OS keychain; refused where no keychain is available. */
  'installations:set-secret': channel(z.object({ id, secret: z.string().min(1).max(4096) }).strict(), z.null()),
  'installations:clear-secret': channel(z.object({ id }).strict(), z.null()),
  /** sshSecret: a password or passphrase for this audit only (asked for when none is kept); never stored. */
  'audits:start': channel(
    /** scope 'open-findings': a targeted re-audit of only the checks of the installation's open findings. */
    z.object({ installationId: id, lang: langSchema, sshSecret: z.string().min(1).max(4096).optional(), scope: z.enum(['all', 'open-findings']).optional() }).strict(),
    z.object({ auditId: z.string() }),
  ),
  'audits:cancel': channel(z.object({ auditId: z.string().max(100) }).strict(), z.object({ cancelled: z.boolean() })),
  'runs:list': channel(z.object({ installationId: id }).strict(), z.array(runInfoSchema)),
  'runs:get': channel(z.object({ runId: id, lang: langSchema }).strict(), runViewSchema),
  /** The run's browser visits per landing page (before consent, accepted, refused) and the tracking list to read them by. */
  'runs:consent': channel(consentArgsSchema, runConsentSchema),
  /** One stored screenshot of a consent visit, for the matrix (only evidence of kind 'screenshot' that is a PNG). */
  'evidence:screenshot': channel(screenshotArgsSchema, screenshotSchema),
  'evidence:get': channel(z.object({ sha256 }).strict(), evidenceViewSchema),
  'reports:export': channel(
    z.object({ runId: id, lang: langSchema, kinds: z.array(z.enum(REPORT_KINDS)).min(1).max(3), auditor: text(200).optional(), exportId: z.string().regex(/^[0-9a-z-]{1,64}$/) }).strict(),
    z.object({ folder: z.string(), files: z.array(z.string()) }),
  ),
  'reports:reveal': channel(z.object({ file: text(4096) }).strict(), z.object({ revealed: z.boolean() })),
  'registers:get': channel(z.object({ clientId: id }).strict(), registersSchema),
  /** Without id: a new entry; with id: replaces that entry of the client's register. */
  'registers:save-processor': channel(z.object({ clientId: id, id: id.optional(), input: processorInputSchema }).strict(), processorSchema),
  'registers:delete-processor': channel(z.object({ id }).strict(), z.null()),
  'registers:save-activity': channel(z.object({ clientId: id, id: id.optional(), input: activityInputSchema }).strict(), activitySchema),
  'registers:delete-activity': channel(z.object({ id }).strict(), z.null()),
  /** Stores a DPA document (PDF) and returns its SHA-256, to be set as a processor's dpaDocument. */
  'registers:upload-document': channel(uploadSchema, z.object({ sha256, mediaType: z.string(), size: z.number() })),
  /** Reads an .xlsx or .csv and returns what an import would add, change and leave alone; writes nothing. */
  'registers:import-preview': channel(z.object({ clientId: id, file: uploadSchema, lang: langSchema }).strict(), registerImportPlanSchema),
  /** Applies a confirmed preview's changes, all or nothing. */
  'registers:import-apply': channel(z.object({ clientId: id, changes: registerChangesSchema }).strict(), z.object({ added: z.number(), changed: z.number() })),
  /** Writes the client's registers as a workbook into the exports folder. */
  'registers:export': channel(z.object({ clientId: id, lang: langSchema }).strict(), z.object({ file: z.string() })),
  /** The judgement in force per check for this run (made on it or an earlier run, not withdrawn). */
  'judgements:list': channel(z.object({ runId: id }).strict(), z.array(judgementSchema)),
  'judgements:record': channel(judgementInputSchema, judgementSchema),
  /** An installation's or a client's findings across audits, most severe and soonest due first. */
  'findings:list': channel(z.object({ installationId: id.optional(), clientId: id.optional(), lang: langSchema }).strict().refine((a) => (a.installationId === undefined) !== (a.clientId === undefined), 'give installationId or clientId'), z.array(findingViewSchema)),
  'findings:update': channel(z.object({ id, patch: findingPatchSchema, by: text(200).trim().min(1, 'who makes the change is required') }).strict(), findingViewSchema.omit({ checkTitle: true, itemTitle: true, itemNumber: true })),
  'findings:comment': channel(z.object({ id, text: text(20_000).trim().min(1, 'the comment is empty'), by: text(200).trim().min(1, 'who comments is required') }).strict(), findingEventSchema),
  'findings:history': channel(z.object({ id }).strict(), z.array(findingEventSchema)),
  /** The tracked findings beside each check of a run: those it failed or warned on, and those it proved fixed. */
  'findings:of-run': channel(z.object({ runId: id, lang: langSchema }).strict(), z.array(runFindingSchema)),
  'judgements:withdraw': channel(z.object({ id, by: text(200).trim().min(1), reason: text(20_000).trim().min(1, 'a reason is required') }).strict(), judgementSchema),
  /** Two runs of one installation side by side: fixed, regressed, new, unchanged, undecided, each with its evidence. */
  'runs:compare': channel(compareArgsSchema, comparisonViewSchema),
  /** Takes a signed run file (audit --out, made elsewhere) into the store, verified; refused files write nothing. */
  'runs:import': channel(
    z.object({ file: text(4096).trim().min(1, 'the path of the run file is required'), fingerprint: z.string().trim().regex(/^[0-9a-fA-F:\s]{16,200}$/, 'a fingerprint in hex').optional() }).strict(),
    z.object({
      ok: z.boolean(),
      fingerprint: z.string().nullable(),
      fingerprintMatches: z.boolean().nullable(),
      problems: z.array(z.object({ path: z.string(), problem: z.string(), reason: z.string() })),
      runs: z.array(z.object({ status: z.enum(['imported', 'already-imported']), runId: id, client: z.string(), installation: z.string(), evidence: z.number() })),
    }),
  ),
  /** Reads a targets file (as `audit --targets`): the clients and installations it would add or change, and its row errors; writes nothing. */
  'installations:import-targets-preview': channel(targetListArgsSchema, targetListPlanSchema),
  /** Reads the targets file anew and takes it in, all or nothing; refused ('invalid') while it has row errors. */
  'installations:import-targets-apply': channel(targetListArgsSchema, targetListOutcomeSchema),
  /** The DPO's dashboard of an installation or a client: score over time, open findings, due dates; today defaults to the UTC day. */
  'dashboard:get': channel(dashboardArgsSchema, dashboardSchema),
  /** Writes the dashboard of a client (or one installation) as a PDF, "Status of remediation", into the exports folder. */
  'dashboard:pdf': channel(dashboardArgsSchema, z.object({ file: z.string() })),
  /** Writes an installation's or a client's open findings as a workbook for the client's team into the exports folder. */
  'findings:export': channel(findingsExportArgsSchema, findingsExportResultSchema),
  /** Reads a returned findings workbook: changes, conflicts with edits made in the app since the export, row errors; writes nothing. */
  'findings:import-preview': channel(findingsImportPreviewArgsSchema, findingsImportPlanSchema),
  /** Plans the file anew and applies it, all or nothing; with conflicts, refused ('conflict') unless resolve says ours or theirs. */
  'findings:import-apply': channel(findingsImportApplyArgsSchema, findingsImportResultSchema),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

/** Events pushed from the core to the renderer (not request/response). */
export const EVENT_CHANNEL = 'audits:event';
export const auditEventEnvelopeSchema = z.object({ auditId: z.string(), event: auditEventSchema });
export type AuditEventEnvelope = z.output<typeof auditEventEnvelopeSchema>;

export const ERROR_CODES = ['invalid-args', 'not-found', 'in-use', 'conflict', 'invalid', 'unavailable', 'forbidden', 'needs-secret', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export type Client = z.output<typeof clientSchema>;
export type ClientInput = z.input<typeof clientInputSchema>;
export type Installation = z.output<typeof installationSchema>;
export type InstallationInput = z.input<typeof installationInputSchema>;
export type RunInfo = z.output<typeof runInfoSchema>;
export type RunView = z.output<typeof runViewSchema>;
export type ItemView = z.output<typeof itemViewSchema>;
export type CheckView = z.output<typeof checkResultSchema>;
export type EvidenceView = z.output<typeof evidenceViewSchema>;
export type Upload = z.input<typeof uploadSchema>;
export type ProcessorView = z.output<typeof processorSchema>;
export type ActivityView = z.output<typeof activitySchema>;
export type RegistersView = z.output<typeof registersSchema>;
export type ImportPlanView = z.output<typeof registerImportPlanSchema>;
export type JudgementView = z.output<typeof judgementSchema>;
export type FindingView = z.output<typeof findingViewSchema>;
export type FindingEventView = z.output<typeof findingEventSchema>;
export type RunFindingView = z.output<typeof runFindingSchema>;
export type AuditEventMessage = z.output<typeof auditEventSchema>;
export type RunConsentView = z.output<typeof runConsentSchema>;
export type ConsentPageView = RunConsentView['pages'][number];
export type ConsentVisitView = ConsentPageView['visits'][number];
export type ScreenshotView = z.output<typeof screenshotSchema>;

/** The API the preload exposes and the bridge client implements: one function per channel, plus events. */
export type PruefstandApi = { [C in Channel]: (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>> } & {
  onAuditEvent(listener: (envelope: AuditEventEnvelope) => void): () => void;
};
