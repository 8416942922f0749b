/** The texts of imports from elsewhere on the home page: signed run files and target lists. */
export interface ImportMessages {
  heading: string;
  intro: string;
  file: string;
  fileHint: string;
  fingerprint: string;
  fingerprintHint: string;
  run: string;
  running: string;
  refused: (count: number) => string;
  problem: (path: string, problem: string, reason: string) => string;
  problems: Record<'changed' | 'added' | 'removed' | 'unreadable', string>;
  imported: (runId: number, client: string, installation: string, evidence: number) => string;
  already: (runId: number, client: string, installation: string) => string;
  signer: (fingerprint: string) => string;
}
