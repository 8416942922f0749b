// Texts of the PDF's "History and open findings" section, German and English. Merged into REPORT_TEXTS (texts.ts).
import type { Lang } from '../../shared/domain';

export interface DashboardTexts {
  section: string;
  intro: string;
  chartTitle: string;
  /** The chart's y axis. */
  scoreAxis: string;
  legendComplete: string;
  legendProvisional: string;
  noRuns: string;
  /** "{n}" is replaced. */
  targetedLeftOut: string;
  openTitle: string;
  /** Under the bars; "{n}" is replaced. */
  openTotal: string;
  overdueTitle: string;
  /** "{day}" is replaced. */
  overdueIntro: string;
  noOverdue: string;
  finding: string;
  owner: string;
  dueOn: string;
  daysOverdue: string;
  unassigned: string;
  /** "{n}" is replaced. */
  upcoming: string;
}

export const DASHBOARD_TEXTS: Record<Lang, DashboardTexts> = {
  de: {
    section: 'Verlauf und offene Befunde',
    intro: 'Der Compliance-Score dieser Installation über alle abgeschlossenen Audits und ihre Befunde, die noch zu bearbeiten sind, Stand Berichtsdatum.',
    chartTitle: 'Compliance-Score im Zeitverlauf',
    scoreAxis: 'Score',
    legendComplete: 'vollständiges Audit',
    legendProvisional: 'vorläufig: Audit mit nicht entschiedenen Prüfungen',
    noRuns: 'Noch keine abgeschlossenen Audits.',
    targetedLeftOut: 'Nicht eingezeichnet: {n} gezielte Nachprüfung(en) offener Befunde – ihr Score betrifft nur die nachgeprüften Prüfungen.',
    openTitle: 'Offene Befunde nach Schweregrad',
    openTotal: '{n} offen (offen, in Bearbeitung oder als Risiko akzeptiert).',
    overdueTitle: 'Überfällige Befunde',
    overdueIntro: 'Offene oder in Bearbeitung befindliche Befunde mit Fälligkeit vor dem {day}.',
    noOverdue: 'Keine überfälligen Befunde.',
    finding: 'Befund',
    owner: 'Verantwortlich',
    dueOn: 'Fällig am',
    daysOverdue: 'Tage überfällig',
    unassigned: 'nicht zugewiesen',
    upcoming: '{n} weitere(r) Befund(e) werden in den nächsten 14 Tagen fällig.',
  },
  en: {
    section: 'History and open findings',
    intro: "This installation's compliance score over all finished audits, and its findings still to be worked on, as of the report date.",
    chartTitle: 'Compliance score over time',
    scoreAxis: 'Score',
    legendComplete: 'complete audit',
    legendProvisional: 'provisional: audit with undecided checks',
    noRuns: 'No finished audits yet.',
    targetedLeftOut: 'Not drawn: {n} targeted re-audit(s) of open findings — their score covers only the re-checked checks.',
    openTitle: 'Open findings by severity',
    openTotal: '{n} open (open, in progress or accepted as a risk).',
    overdueTitle: 'Overdue findings',
    overdueIntro: 'Open or in-progress findings due before {day}.',
    noOverdue: 'No overdue findings.',
    finding: 'Finding',
    owner: 'Owner',
    dueOn: 'Due on',
    daysOverdue: 'Days overdue',
    unassigned: 'unassigned',
    upcoming: '{n} more finding(s) fall due within the next 14 days.',
  },
};
