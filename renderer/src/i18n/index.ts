import type { Lang } from '../../../electron/shared/domain';
import { de } from './de';
import { en } from './en';
import type { Messages } from './types';

export type { Messages };

const DICTIONARIES: Record<Lang, Messages> = { de, en };

/** German for 'de', 'de-AT' …; English for everything else. */
export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function messagesFor(lang: Lang): Messages {
  return DICTIONARIES[lang];
}
