import { detectedMauticVersion } from '../shared/mautic-version';
import type { Lang, Status } from '../shared/domain';
import type { AuditResult } from '../core/audit/types';
import { undecidedChecks } from '../shared/completeness';
import { completenessLabels, provisionalScoreNote, undecidedSentence } from '../shared/completeness-texts';
import { severityLabel, statusLabel, text } from './texts';

const COLORS: Record<Status, string> = { pass: '32', fail: '31;1', warn: '33', manual: '36', error: '35', not_applicable: '2' };

function pad(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : s + ' '.repeat(width - len);
}

function clip(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, width - 1).join('') + '…';
}

/** The readable end-of-run table: one row per item, then every check that did not pass, with its message. */
export function summaryTable(result: AuditResult, lang: Lang, color: boolean, width = 100): string {
  const paint = (s: Status, t: string) => (color ? `\x1b[${COLORS[s]}m${t}\x1b[0m` : t);
  const lines: string[] = [];
  const idWidth = Math.max(...result.items.map((i) => i.itemId.length), text(lang, 'colItem').length) + 2;
  const verdictWidth = 14;
  const sevWidth = 10;
  const decidedWidth = text(lang, 'colDecided').length + 2;
  const titleWidth = Math.max(20, width - idWidth - verdictWidth - sevWidth - decidedWidth - 4);
  lines.push(
    `${pad(' #', 4)}${pad(text(lang, 'colItem'), idWidth)}${pad(text(lang, 'colVerdict'), verdictWidth)}${pad(text(lang, 'colSeverity'), sevWidth)}${pad(text(lang, 'colDecided'), decidedWidth)}${text(lang, 'colTitle')}`,
  );
  lines.push('─'.repeat(Math.min(width, 4 + idWidth + verdictWidth + sevWidth + decidedWidth + titleWidth)));
  result.items.forEach((item, i) => {
    const verdict = paint(item.status, pad(statusLabel(lang, item.status), verdictWidth));
    // How many of the item's checks have a verdict already; the rest wait for the auditor.
    const decided = `${item.checks.filter((c) => c.status !== 'manual').length}/${item.checks.length}`;
    lines.push(`${pad(String(i + 1).padStart(2), 4)}${pad(item.itemId, idWidth)}${verdict}${pad(severityLabel(lang, item.severity), sevWidth)}${pad(decided.padStart(4), decidedWidth)}${clip(item.title, titleWidth)}`);
  });
  const notable = result.items.flatMap((item) => item.checks.filter((c) => c.automated && c.status !== 'pass' && c.status !== 'not_applicable'));
  if (notable.length) {
    lines.push('', `${text(lang, 'findings')}:`);
    for (const c of notable) lines.push(`  ${paint(c.status, pad(statusLabel(lang, c.status), 14))}${c.checkId}: ${c.message}`);
  }
  const { score, headerScore } = result.summary;
  const undecided = undecidedChecks(result.items);
  lines.push('');
  const scoreText = score === null ? text(lang, 'notDecided') : `${score}/100`;
  lines.push(`${text(lang, 'score')}: ${undecided.checks ? `${scoreText} (${provisionalScoreNote(lang)})` : scoreText}`);
  if (undecided.checks) {
    lines.push(paint('error', `${completenessLabels(lang).incomplete}: ${undecidedSentence(undecided, lang)}`));
  }
  if (headerScore) lines.push(`${text(lang, 'headerScore')}: ${headerScore.score}/100 (${headerScore.grade})`);
  const version = detectedMauticVersion(result.items);
  if (version) lines.push(`${text(lang, 'mauticVersion')}: ${version}`);
  const counts = result.summary.counts;
  lines.push((Object.keys(counts) as Status[]).filter((s) => counts[s]).map((s) => `${paint(s, statusLabel(lang, s))} ${counts[s]}`).join(' · '));
  return lines.join('\n');
}
