// Why a row of a targets file is refused, German and English: for the CLI's batch audit and the app's import of
// the same list.
import type { Lang } from '../../shared/domain';
import type { TargetError, TargetErrorCode } from './targets';

const TEXTS: Record<Lang, Record<TargetErrorCode, string>> = {
  de: {
    'empty-file': 'die Datei enthält keine Kopfzeile oder keine Installation',
    'missing-column': 'die Spalte fehlt',
    'unknown-column': 'unbekannte Spalte (erwartet: Mandant, Installation, Basis-URL, HTTP-URL, Landingpages, Formulare, Datenschutzerklärung, Config, Crontab, SSH)',
    'duplicate-column': 'die Spalte steht doppelt da',
    'missing-client': 'der Mandant fehlt',
    'missing-url': 'die Basis-URL fehlt',
    'bad-url': '„{value}“ ist keine gültige http(s)-URL',
    'not-https': '„{value}“ ist keine https-URL',
    'not-http': '„{value}“ ist keine http-URL (die Weiterleitung von HTTP wird dort geprüft)',
    'bad-ssh': '„{value}“ ist kein SSH-Zugang BENUTZER@HOST[:PORT]',
    'config-and-ssh': 'SSH-Zugang und Config/Crontab-Datei schließen sich aus',
    'duplicate-target': 'die Basis-URL „{value}“ steht schon in einer früheren Zeile',
  },
  en: {
    'empty-file': 'the file holds no header row or no installation',
    'missing-column': 'the column is missing',
    'unknown-column': 'unknown column (expected: client, installation, base URL, http URL, pages, forms, policy URL, config, crontab, ssh)',
    'duplicate-column': 'the column appears twice',
    'missing-client': 'the client is missing',
    'missing-url': 'the base URL is missing',
    'bad-url': '"{value}" is not a valid http(s) URL',
    'not-https': '"{value}" is not an https URL',
    'not-http': '"{value}" is not an http URL (the plain-HTTP redirect is tested there)',
    'bad-ssh': '"{value}" is not an SSH login USER@HOST[:PORT]',
    'config-and-ssh': 'an SSH login and a config/crontab file cannot be combined',
    'duplicate-target': 'the base URL "{value}" is already in an earlier row',
  },
};

/** The reason, with the offending value filled in. */
export const targetErrorText = (e: Pick<TargetError, 'code' | 'value'>, lang: Lang): string => TEXTS[lang][e.code].replace('{value}', e.value);
