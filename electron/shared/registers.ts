// The registers no scan can see (CHECKLIST.md items 2, 3): processors with their DPAs (Art. 28, 44–46) and the
// records of processing (Art. 30), kept per client; and the auditor's judgement (attestations, overrides).
// Pure vocabulary: no node, electron or DOM imports.
import type { Status } from './domain';

export const PROCESSOR_ROLES = ['processor', 'sub-processor'] as const;
export type ProcessorRole = (typeof PROCESSOR_ROLES)[number];

/** How a transfer outside the EU/EEA is made lawful (Art. 45, 46, 47); 'none' is recorded as such. */
export const TRANSFER_BASES = ['adequacy', 'scc', 'dpf', 'bcr', 'none'] as const;
export type TransferBasis = (typeof TRANSFER_BASES)[number];

/** Art. 6(1) letters a–f. */
export const LEGAL_BASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Art. 9(2) letters a–j, for special categories of data. */
export const SPECIAL_BASES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type SpecialBasis = (typeof SPECIAL_BASES)[number];

/** One entry of a client's processor register. Dates are ISO `YYYY-MM-DD`; null when not recorded. */
export interface ProcessorInput {
  name: string;
  service: string;
  role: ProcessorRole;
  /** ISO 3166-1 alpha-2, upper case (e.g. DE, US); '' when unknown. */
  country: string;
  dpaSignedOn: string | null;
  /** SHA-256 of the DPA document (a PDF blob in the store); null when none is attached. */
  dpaDocument: string | null;
  transferBasis: TransferBasis | null;
  /** Names of its sub-processors, as written in the DPA. */
  subProcessors: string[];
  nextReviewOn: string | null;
  notes: string;
}

export interface Processor extends ProcessorInput {
  id: number;
  clientId: number;
  updatedAt: string;
}

/** One record of processing activities (Art. 30(1)). */
export interface ActivityInput {
  activity: string;
  purposes: string;
  legalBasis: LegalBasis | null;
  /** Art. 9(2) letter, only where special categories of data are processed. */
  specialBasis: SpecialBasis | null;
  dataCategories: string;
  subjectCategories: string;
  recipients: string;
  thirdCountryTransfers: string;
  retention: string;
  /** Reference to the technical and organisational measures (Art. 32), e.g. "TOM v3, Anlage 2". */
  tomReference: string;
}

export interface Activity extends ActivityInput {
  id: number;
  clientId: number;
  updatedAt: string;
}

/** What the audit reads of a client's registers; stored as evidence with the run so the verdicts can be explained. */
export interface RegisterSnapshot {
  clientName: string;
  processors: Processor[];
  activities: Activity[];
}

/**
 * The auditor's judgement of one check: an attestation answers a manual check, an override replaces an automated
 * verdict with a written reason. Kept per installation across re-audits until withdrawn. Never mixed with what
 * was measured: reports show it beside the measured verdict.
 */
export const JUDGEMENT_KINDS = ['attestation', 'override'] as const;
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number];

export interface JudgementInput {
  kind: JudgementKind;
  checkId: string;
  /** The verdict the auditor gives (an attestation usually `pass` or `fail`). */
  status: Status;
  /** The attestation's statement or the override's reason. */
  statement: string;
  by: string;
  /** SHA-256 of each attached document (stored as evidence of the run it was made on). */
  attachments: string[];
}

export interface Judgement extends JudgementInput {
  id: number;
  installationId: number;
  /** The run it was made on; it applies to that run and every later run until withdrawn. */
  runId: number;
  at: string;
  /** SHA-256 of the evidence document that seals it in the hash-chained log. */
  evidence: string;
  withdrawn: { by: string; at: string; reason: string; evidence: string } | null;
}

/** What an import or a save changes in a client's registers; applied all-or-nothing. */
export interface RegisterChanges {
  processors: { add: ProcessorInput[]; change: { id: number; input: ProcessorInput }[] };
  activities: { add: ActivityInput[]; change: { id: number; input: ActivityInput }[] };
}

/** One bad row of an imported file: where (1-based row as the spreadsheet shows it, column header) and why. */
export interface RegisterRowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** The preview of an import: nothing is written until the user confirms `changes`. */
export interface RegisterImportPlan {
  changes: RegisterChanges;
  /** Rows equal to what the register holds already. */
  unchanged: { processors: number; activities: number };
  /** For each change, the entry as it is now (same order as changes.*.change). */
  before: { processors: Processor[]; activities: Activity[] };
  errors: RegisterRowError[];
}

/** How register entries are matched (store uniqueness, imports): NFC, trimmed, inner whitespace collapsed, lower case. */
export function registerKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when a judgement no longer answers what was measured: an attestation of a check now measured, or an override of one now manual. */
export function isStaleJudgement(kind: JudgementKind, measured: Status): boolean {
  return kind === 'attestation' ? measured !== 'manual' : measured === 'manual';
}
