import type { LegalBasis, ProcessorRole, SpecialBasis, TransferBasis } from '../../../electron/shared/registers';

/** The texts of the registers (processors, records of processing) and the import. */
export interface RegisterMessages {
  open: string;
  title: (client: string) => string;
  intro: string;
  tabs: { processors: string; activities: string };
  filter: string;
  filterHint: string;
  noProcessors: string;
  noActivities: string;
  noMatch: string;
  count: (shown: number, total: number) => string;
  newProcessor: string;
  newActivity: string;
  edit: string;
  delete: string;
  save: string;
  saving: string;
  deleteProcessorTitle: string;
  deleteProcessorBody: (name: string) => string;
  deleteActivityTitle: string;
  deleteActivityBody: (name: string) => string;
  processor: {
    titleNew: string;
    titleEdit: (name: string) => string;
    name: string;
    service: string;
    role: string;
    country: string;
    countryHint: string;
    dpaSignedOn: string;
    dpaDocument: string;
    dpaDocumentHint: string;
    dpaAttached: (sha: string) => string;
    dpaRemove: string;
    noDpa: string;
    transferBasis: string;
    subProcessors: string;
    subProcessorsHint: string;
    nextReviewOn: string;
    notes: string;
    reviewOverdue: string;
    dpaMissing: string;
  };
  activity: {
    titleNew: string;
    titleEdit: (name: string) => string;
    activity: string;
    purposes: string;
    legalBasis: string;
    specialBasis: string;
    specialBasisHint: string;
    dataCategories: string;
    subjectCategories: string;
    recipients: string;
    thirdCountryTransfers: string;
    retention: string;
    tomReference: string;
    noLegalBasis: string;
  };
  roles: Record<ProcessorRole, string>;
  transferBases: Record<TransferBasis, string>;
  legalBases: Record<LegalBasis, string>;
  specialBases: Record<SpecialBasis, string>;
  notRecorded: string;
  import: {
    button: string;
    title: string;
    choose: string;
    chooseHint: string;
    reading: string;
    added: (n: number) => string;
    changed: (n: number) => string;
    unchanged: (n: number) => string;
    errors: (n: number) => string;
    errorRow: (sheet: string, row: number, column: string) => string;
    nothingToDo: string;
    confirm: string;
    applying: string;
    done: (added: number, changed: number) => string;
    beforeAfter: string;
    field: string;
    before: string;
    after: string;
    errorsBlock: string;
  };
  export: {
    button: string;
    busy: string;
    written: (file: string) => string;
    reveal: string;
  };
}

/** The auditor's judgement on the run view: attestations of manual checks, overrides of measured verdicts. */
export interface JudgementMessages {
  attest: string;
  override: string;
  heading: string;
  attestation: string;
  overrideLabel: string;
  measured: string;
  judged: string;
  byAt: (by: string, at: string) => string;
  fromRun: (runId: number) => string;
  stale: string;
  attestTitle: (check: string) => string;
  overrideTitle: (check: string) => string;
  verdict: string;
  statement: string;
  reason: string;
  by: string;
  attachments: string;
  attachmentsHint: string;
  save: string;
  saving: string;
  withdraw: string;
  withdrawConfirm: string;
  withdrawTitle: string;
  withdrawBody: string;
  withdrawReason: string;
  withdrawn: string;
  evidence: string;
  notMeasuredNote: string;
}
