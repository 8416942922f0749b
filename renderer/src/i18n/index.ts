import type { Lang } from '../../../electron/shared/domain';
import { de } from './de';
import { en } from './en';
import type { Messages } from './types';

export type { Messages };

const DICTIONARIES: Record<Lang, Messages> = { de, en };
const STORAGE_KEY = 'pruefstand.lang';

/** German for 'de', 'de-AT' …; English for everything else. */
export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function messagesFor(lang: Lang): Messages {
  return DICTIONARIES[lang];
}

/** The language chosen earlier (localStorage), else the one of the system. */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'de' || stored === 'en') return stored;
  } catch {
    // storage unavailable: fall back to the system language
  }
  return pickLang(navigator.language);
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the choice still applies to this session
  }
}
