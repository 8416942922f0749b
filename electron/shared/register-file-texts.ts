// Why a register file was refused, for people: German and English, by the reader's error code
// (core/registers/errors.ts). Shared by the CLI and the app's service.
import type { Lang } from './domain';

export type RegisterFileProblem = 'not-ours' | 'encrypted' | 'corrupt' | 'too-large' | 'empty';

const TEXTS: Record<Lang, Record<RegisterFileProblem, string>> = {
  de: {
    'not-ours': 'keine Register-Tabelle: kein Blatt hat eine Kopfzeile mit bekannten Spalten (z. B. „Name“, „AVV unterzeichnet am“ oder „Verarbeitungstätigkeit“, „Rechtsgrundlage“). Vorlage: resources/registers-template.xlsx',
    encrypted: 'die Datei ist kennwortgeschützt oder ein altes .xls: speichern Sie sie ohne Kennwort als .xlsx oder .csv',
    corrupt: 'die Datei ist beschädigt oder weder .xlsx noch .csv',
    'too-large': 'die Datei ist zu groß (höchstens 10 MB und 10 000 Zeilen)',
    empty: 'die Tabelle hat eine Kopfzeile, aber keine Datenzeilen',
  },
  en: {
    'not-ours': 'not a register spreadsheet: no sheet has a header row with known columns (e.g. "Name", "DPA signed on" or "Processing activity", "Legal basis"). Template: resources/registers-template.xlsx',
    encrypted: 'the file is password-protected or an old .xls: save it without a password as .xlsx or .csv',
    corrupt: 'the file is damaged, or neither .xlsx nor .csv',
    'too-large': 'the file is too large (at most 10 MB and 10,000 rows)',
    empty: 'the sheet has a header row but no data rows',
  },
};

export function registerFileProblemText(code: RegisterFileProblem, lang: Lang): string {
  return TEXTS[lang][code];
}
