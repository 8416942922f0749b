import type { TargetListField } from '../../../electron/shared/contract-target-list';

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
  /** Importing a target list (the CSV of `audit --targets`) as clients and installations. */
  targets: {
    heading: string;
    intro: string;
    file: string;
    fileHint: string;
    preview: string;
    previewing: string;
    apply: string;
    applying: string;
    caption: (file: string) => string;
    columns: { row: string; client: string; installation: string; baseUrl: string; action: string; changes: string };
    actions: Record<'add-client' | 'add' | 'update' | 'unchanged', string>;
    fields: Record<TargetListField, string>;
    change: (field: string, from: string, to: string) => string;
    storedClient: (client: string) => string;
    counts: (add: number, update: number, unchanged: number) => string;
    errors: (count: number) => string;
    errorLine: (row: number, column: string, message: string) => string;
    done: (clients: number, added: number, updated: number, unchanged: number) => string;
  };
}
