// The store's texts about keys and encrypted blobs, German and English. StoreError.message carries the English
// text; the crypto module's own reason (cryptoErrorText) is appended where one exists. Never key bytes.
import type { Lang } from '../../shared/domain';
import { StoreError, type StoreErrorCode } from './errors';

const TEXTS = {
  'keyring-unlock': {
    de: 'Der Speicher {file} wurde nicht geöffnet: {reason}',
    en: 'The store {file} was not opened: {reason}',
  },
  'keyring-missing': {
    de: 'Der Speicher {file} enthält verschlüsselte Nachweise, aber der Schlüsselbund {keyring} fehlt. Legen Sie ihn (und die Schlüsseldatei {keyFile}) aus der Sicherung zurück; ohne ihn sind die Nachweise nicht lesbar. Es wurde nichts verändert.',
    en: 'The store {file} holds encrypted evidence, but its keyring {keyring} is missing. Restore it (and the key file {keyFile}) from the backup; without it the evidence cannot be read. Nothing was changed.',
  },
  'workstation-key-changed': {
    de: 'Der Arbeitsplatzschlüssel des Speichers wurde von einem anderen Prozess ersetzt ({expected} statt {actual}); öffnen Sie den Speicher neu.',
    en: "The store's workstation key was replaced by another process ({expected}, not {actual}); open the store again.",
  },
  'client-key-locked': {
    de: 'Der Schlüssel von Mandant {client} lässt sich nicht öffnen: {reason}',
    en: 'The key of client {client} cannot be opened: {reason}',
  },
  'client-key-other-workstation': {
    de: 'Der Schlüssel von Mandant {client} ist mit dem Arbeitsplatzschlüssel {expected} verpackt, der Schlüsselbund hat {actual}: legen Sie den passenden Schlüsselbund aus der Sicherung zurück.',
    en: 'The key of client {client} is wrapped by workstation key {expected}, the keyring holds {actual}: restore the matching keyring from the backup.',
  },
  'client-key-missing': {
    de: 'Mandant {client} hat keinen Schlüssel mehr (gelöscht?), die Nachweise von Lauf {run} sind nicht lesbar.',
    en: 'Client {client} has no key (deleted?); the evidence of run {run} cannot be read.',
  },
  'run-key-locked': {
    de: 'Der Schlüssel von Lauf {run} lässt sich nicht öffnen: {reason}',
    en: 'The key of run {run} cannot be opened: {reason}',
  },
  'blob-unreadable': {
    de: 'Die Nachweisdatei {sha256} lässt sich nicht lesen: {reasons}',
    en: 'The evidence file {sha256} cannot be read: {reasons}',
  },
  'blob-sealed-broken': {
    de: 'Nachweisdatei {file} (Lauf {run}) lässt sich nicht öffnen: {reason}',
    en: 'evidence file {file} (run {run}) does not open: {reason}',
  },
  'blob-key-missing': {
    de: 'Nachweisdatei {file} (Lauf {run}) lässt sich nicht öffnen, der Schlüssel fehlt: {reason}',
    en: 'evidence file {file} (run {run}) cannot be opened, its key is missing: {reason}',
  },
  'blob-hash-mismatch': {
    de: 'Nachweisdatei {file} passt nicht zu ihrem Hash',
    en: 'evidence file {file} does not match its hash',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StoreKeyTextId = keyof typeof TEXTS;

/** A parameter that differs by language (a crypto error's own text). */
export type LocalizedParam = string | number | ((lang: Lang) => string);

/** A StoreError whose message is the English text and whose `texts` hold both languages. */
export function storeKeyError(code: StoreErrorCode, id: StoreKeyTextId, params: Readonly<Record<string, LocalizedParam>>, cause?: unknown): StoreError {
  const render = (lang: Lang): string => storeKeyText(id, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v])), lang);
  return new StoreError(code, render('en'), { cause, texts: { de: render('de'), en: render('en') } });
}

export function storeKeyText(id: StoreKeyTextId, params: Readonly<Record<string, string | number>>, lang: Lang = 'en'): string {
  return TEXTS[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
