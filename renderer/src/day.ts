import type { Lang } from '../../electron/shared/domain';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the user's time zone, YYYY-MM-DD: the day due dates are measured against. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day (YYYY-MM-DD) in the language's format, without shifting it through a time zone. */
export function formatDay(day: string, lang: Lang): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
