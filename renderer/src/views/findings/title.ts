import type { FindingView } from '../../../../electron/shared/contract';

/** "4. Check title — the subject" (the subject without its kind prefix, e.g. host:). */
export function findingTitle(f: FindingView): string {
  const subject = f.subject.replace(/^[a-z]+:/, '');
  return `${f.itemNumber}. ${f.checkTitle}${subject ? ` — ${subject}` : ''}`;
}
