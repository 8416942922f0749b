import type { FindingView } from '../../../../electron/shared/contract';

/** A finding's subject without its kind prefix (host:, form: …); '' for a finding about its check as a whole. */
export const subjectText = (subject: string) => subject.replace(/^[a-z]+:/, '');

/** "4. Check title — the subject". */
export function findingTitle(f: FindingView): string {
  const subject = subjectText(f.subject);
  return `${f.itemNumber}. ${f.checkTitle}${subject ? ` — ${subject}` : ''}`;
}
