// The one view-model of a report, built from the store. The PDF, the workbook and the pack all render
// this; none of them reads the store or the network themselves.
import type { ItemView } from '../../shared/contract';
import { completenessOf, undecidedChecks, type Completeness, type Undecided } from '../../shared/completeness';
import { detectedMauticVersion } from '../../shared/mautic-version';
import { SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../../shared/domain';
import { loadChecklist } from '../checklist/load';
import { engineVersion, TOOL_NAME } from '../package-root';
import { compareStoredRuns, comparisonView } from '../service/compare';
import { runView } from '../service/run-view';
import type { ComparisonView } from '../../shared/contract-compare';
import type { ChainHead, Store, StoredEvidence } from '../store';
import { reportJudgements, withEvidence, type ReportJudgement } from './judgements';
import { keyEvidence, type KeyEvidence } from './key-evidence';
import { reportHistory, type ReportHistory } from './history';
import { reportConsent, type ReportConsent } from './consent';

export interface RemediationRow {
  itemId: string;
  number: number;
  title: string;
  severity: Severity;
  status: Status;
  advice: string;
  /** Tracked by the DPO; empty until assigned. */
  owner: string;
  dueDate: string | null;
  remediationStatus: 'open' | 'in-progress' | 'done' | 'accepted-risk';
}

export interface ReportItem extends ItemView {
  key: KeyEvidence;
}

export interface ReportModel {
  lang: Lang;
  generatedAt: string;
  tool: { name: string; version: string };
  auditor: string;
  client: { name: string };
  installation: { name: string; baseUrl: string };
  run: {
    id: number;
    targetUrl: string;
    state: string;
    startedAt: string;
    finishedAt: string | null;
    checklistId: string;
    checklistVersion: string;
    checklistTitle: string;
    engineVersion: string;
    /** The Mautic version line detected from /mtc.js; null when it could not be told. */
    mauticVersion: string | null;
  };
  summary: {
    score: number | null;
    headerScore: number | null;
    headerGrade: string | null;
    counts: Record<Status, number>;
    /** Items per severity and verdict. */
    bySeverity: Record<Severity, Record<Status, number>>;
    /** `complete` only when the run ended and every automated check was decided. */
    completeness: Completeness;
    /** The automated checks that could not run, by cause. */
    undecided: Undecided;
  };
  items: ReportItem[];
  remediation: RemediationRow[];
  /** The auditor's judgements in force for this run, ordered like the checks; shown beside, never mixed with, what was measured. */
  judgements: ReportJudgement[];
  /** The run's evidence, then that of judgements carried from earlier runs (sealed judgement, attachments). */
  evidence: StoredEvidence[];
  chainHead: ChainHead | null;
  /** The installation's score over time and its findings as of the report date. */
  history: ReportHistory;
  /** Present when asked for (`--compare`): this run beside another run of its installation. */
  comparison: ReportComparison | null;
  /** The consent matrix of the run's browser visits with their screenshots; null when the run made none. */
  consent: ReportConsent | null;
}

export interface ReportComparison {
  /** The run this report's run is compared with. */
  otherRunId: number;
  view: ComparisonView;
}

export interface ReportOptions {
  lang: Lang;
  auditor?: string;
  /** Another run of the same installation to compare with (a section of the PDF, a sheet of the workbook). */
  compareWith?: number;
  /** For reproducible output in tests; defaults to now. */
  now?: Date;
}

const zeroCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
const NEEDS_REMEDIATION: readonly Status[] = ['fail', 'warn', 'error'];

export function buildReportModel(store: Store, runId: number, options: ReportOptions): ReportModel {
  const run = store.getRun(runId);
  if (!run) throw new Error(`run ${runId} does not exist`);
  const installation = store.installations.get(run.installationId);
  const client = installation ? store.clients.get(installation.clientId) : null;
  const checklist = loadChecklist(run.checklistId);
  const view = runView(run, checklist, options.lang);
  const evidence = run.evidence.map((e) => store.getEvidence(e.sha256)).filter((e): e is StoredEvidence => e !== null);
  // Several items cite the same exchange (the start page backs every header check): read each blob once.
  const blobs = new Map<string, Buffer>();
  const read = (sha256: string) => {
    let blob = blobs.get(sha256);
    if (!blob) blobs.set(sha256, (blob = store.readBlob(sha256)));
    return blob;
  };

  const counts = zeroCounts();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, zeroCounts()])) as Record<Severity, Record<Status, number>>;
  for (const item of view.items) {
    counts[item.status]++;
    bySeverity[item.severity][item.status]++;
  }

  const undecided = undecidedChecks(view.items);
  const judged = reportJudgements(store, runId, view.items);
  const comparison =
    options.compareWith === undefined
      ? null
      : { otherRunId: options.compareWith, view: comparisonView(compareStoredRuns(store, options.compareWith, runId), checklist, options.lang) };
  return {
    lang: options.lang,
    generatedAt: (options.now ?? new Date()).toISOString(),
    tool: { name: TOOL_NAME, version: engineVersion() },
    auditor: options.auditor ?? '',
    client: { name: client?.name ?? '' },
    installation: { name: installation?.name ?? '', baseUrl: installation?.baseUrl ?? run.targetUrl },
    run: {
      id: run.id,
      targetUrl: run.targetUrl,
      state: run.state,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      checklistId: run.checklistId,
      checklistVersion: run.checklistVersion,
      checklistTitle: checklist.title[options.lang],
      engineVersion: run.engineVersion,
      mauticVersion: detectedMauticVersion(view.items),
    },
    summary: {
      score: run.score,
      headerScore: run.headerScore,
      headerGrade: run.headerGrade,
      counts,
      bySeverity,
      completeness: completenessOf(run.state, undecided.checks),
      undecided,
    },
    items: view.items.map((item) => ({ ...item, key: keyEvidence(item, evidence, read) })),
    remediation: view.items
      .filter((item) => NEEDS_REMEDIATION.includes(item.status))
      .map((item) => ({
        itemId: item.itemId,
        number: item.number,
        title: item.title,
        severity: item.severity,
        status: item.status,
        advice: item.advice,
        owner: '',
        dueDate: null,
        remediationStatus: 'open' as const,
      })),
    judgements: judged.judgements,
    evidence: withEvidence(evidence, judged.evidence),
    chainHead: store.chainHead(),
    comparison,
    consent: reportConsent(evidence, read),
    history: reportHistory(store, checklist, run.installationId, options.lang, options.now ?? new Date()),
  };
}
