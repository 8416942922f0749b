// What every collector of evidence hands the store (net client, probes, the browser visits): below them all, so
// none of them imports another's house for it.
import type { EvidenceKind } from '../shared/domain';

export interface NewEvidence {
  kind: EvidenceKind;
  summary: string;
  mediaType: string;
  content: Buffer;
  capturedAt: string;
}

/** Where probes put what they saw; returns the SHA-256 of the stored document. */
export interface EvidenceSink {
  add(evidence: NewEvidence): string;
}

/** The same as a function (the net client's form). */
export type Capture = (evidence: NewEvidence) => string;
