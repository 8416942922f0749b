// The CLI's texts for the client's dashboard (`pruefstand dashboard …`), German and English.
import type { Lang } from '../shared/domain';
import { fillTemplate } from './texts';

const de = {
  dashboardNeedClient: 'welcher Mandant? pruefstand dashboard --client NAME --pdf DATEI',
  dashboardNoClient: 'den Mandanten „{client}“ gibt es in {db} nicht',
  dashboardNeedOutput: 'wohin? Geben Sie --pdf DATEI und/oder --json an',
  dashboardBadToday: '--today erwartet ein Datum JJJJ-MM-TT, nicht „{value}“',
  dashboardWritten: 'geschrieben: {file} ({installations} Installation(en), {open} offene Befunde, {overdue} überfällig)',
};

const en: typeof de = {
  dashboardNeedClient: 'which client? pruefstand dashboard --client NAME --pdf FILE',
  dashboardNoClient: 'there is no client "{client}" in {db}',
  dashboardNeedOutput: 'where to? Give --pdf FILE and/or --json',
  dashboardBadToday: '--today expects a date YYYY-MM-DD, not "{value}"',
  dashboardWritten: 'written: {file} ({installations} installation(s), {open} open findings, {overdue} overdue)',
};

export type DashboardTextKey = keyof typeof de;

export function dtext(lang: Lang, key: DashboardTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}
