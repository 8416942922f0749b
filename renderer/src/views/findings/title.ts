import type { FindingView } from '../../../../electron/shared/contract';
import { subjectText } from '../../../../electron/shared/findings';

export { subjectText };

/** "4. Check title — the subject". */
export function findingTitle(f: FindingView): string {
  const subject = subjectText(f.subject);
  return `${f.itemNumber}. ${f.checkTitle}${subject ? ` — ${subject}` : ''}`;
}
