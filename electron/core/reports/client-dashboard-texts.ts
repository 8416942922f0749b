// Texts of the client's dashboard as a PDF ("Stand der Umsetzung"), German and English. The words it shares with
// the run report's history (chart legend, finding, owner, due on …) come from dashboard-texts.ts.
import type { Lang } from '../../shared/domain';

export interface ClientDashboardTexts {
  title: string;
  /** Under the client's name; "{day}" and "{n}" (installations) are replaced. */
  asOf: string;
  /** With an installation's dashboard: "{name}" and "{url}" are replaced. */
  installationLine: string;
  intro: string;
  /** One series per installation in the chart's legend, without finished audits: "{name}" is replaced. */
  noAuditsOf: string;
  installationsTitle: string;
  noInstallations: string;
  url: string;
  lastAudit: string;
  lastScore: string;
  openCount: string;
  overdueCount: string;
  neverAudited: string;
  provisional: string;
  upcomingTitle: string;
  /** "{day}" and "{n}" (days ahead) are replaced. */
  upcomingIntro: string;
  noUpcoming: string;
  daysLeft: string;
  dueToday: string;
  oldestTitle: string;
  /** "{days}", "{day}" and "{owner}" are replaced. */
  oldestAge: string;
  noOpen: string;
}

export const CLIENT_DASHBOARD_TEXTS: Record<Lang, ClientDashboardTexts> = {
  de: {
    title: 'Stand der Umsetzung',
    asOf: 'Stand: {day} · {n} Installation(en)',
    installationLine: 'Installation {name} ({url})',
    intro: 'Der Compliance-Score jeder Installation über alle abgeschlossenen Audits, die offenen Befunde nach Schweregrad und was überfällig oder bald fällig ist.',
    noAuditsOf: 'Ohne abgeschlossenes Audit, nicht eingezeichnet: {name}.',
    installationsTitle: 'Installationen',
    noInstallations: 'Dieser Mandant hat noch keine Installationen.',
    url: 'Adresse',
    lastAudit: 'Letztes Audit',
    lastScore: 'Letzter Score',
    openCount: 'Offen',
    overdueCount: 'Überfällig',
    neverAudited: 'noch kein Audit',
    provisional: 'vorläufig',
    upcomingTitle: 'Bald fällige Befunde',
    upcomingIntro: 'Offene oder in Bearbeitung befindliche Befunde, fällig ab dem {day} in den nächsten {n} Tagen.',
    noUpcoming: 'In den nächsten Tagen wird nichts fällig.',
    daysLeft: 'Tage bis fällig',
    dueToday: 'heute',
    oldestTitle: 'Ältester offener Befund',
    oldestAge: 'offen seit {days} Tag(en), seit dem {day} · Verantwortlich: {owner}',
    noOpen: 'Keine offenen Befunde.',
  },
  en: {
    title: 'Status of remediation',
    asOf: 'As of {day} · {n} installation(s)',
    installationLine: 'Installation {name} ({url})',
    intro: 'The compliance score of each installation over all finished audits, the open findings by severity, and what is overdue or due soon.',
    noAuditsOf: 'Without a finished audit, not drawn: {name}.',
    installationsTitle: 'Installations',
    noInstallations: 'This client has no installations yet.',
    url: 'Address',
    lastAudit: 'Last audit',
    lastScore: 'Last score',
    openCount: 'Open',
    overdueCount: 'Overdue',
    neverAudited: 'not audited yet',
    provisional: 'provisional',
    upcomingTitle: 'Findings due soon',
    upcomingIntro: 'Open or in-progress findings due from {day} within the next {n} days.',
    noUpcoming: 'Nothing falls due in the next days.',
    daysLeft: 'Days left',
    dueToday: 'today',
    oldestTitle: 'Oldest open finding',
    oldestAge: 'open for {days} day(s), since {day} · Owner: {owner}',
    noOpen: 'No open findings.',
  },
};
