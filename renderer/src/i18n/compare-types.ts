import type { ChangeKind } from '../../../electron/shared/compare';

/** The texts of comparing two runs: the selection in the run history and the comparison view. */
export interface CompareMessages {
  /** Run history: the checkbox of a run, and the button once two are picked. */
  select: (date: string) => string;
  selectColumn: string;
  compare: string;
  pickTwo: string;
  /** The view. */
  title: string;
  back: string;
  intro: (before: string, after: string) => string;
  beforeRun: string;
  afterRun: string;
  counts: string;
  kinds: Record<ChangeKind, string>;
  explain: Record<ChangeKind, string>;
  reasons: { returned: string; worse: string };
  noEntries: string;
  item: string;
  check: string;
  subject: string;
  wholeCheck: string;
  beforeAfter: string;
  absent: string;
  evidence: string;
  evidenceBefore: string;
  evidenceAfter: string;
  noEvidence: string;
  /** The label of one evidence button: which run, which document. */
  openEvidence: (which: string, n: number) => string;
}
