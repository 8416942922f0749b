import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../../electron/shared/domain';
import { messagesFor, type Messages } from './index';

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang(lang: Lang): void;
  /** Date and time of an ISO string in the current language; the raw text when it does not parse. */
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  number(value: number, maximumFractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang(lang: Lang): void; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const t = messagesFor(lang);
    const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const format = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return t.common.none;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      lang,
      t,
      setLang,
      dateTime: (iso) => format(dateTimeFormat, iso),
      date: (iso) => format(dateFormat, iso),
      number: (value, maximumFractionDigits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside <I18nProvider>');
  return value;
}
