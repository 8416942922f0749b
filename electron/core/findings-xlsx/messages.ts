// The texts of a refused workbook and of per-row problems, German and English. Shared by the CLI and the app.
import type { Lang } from '../../shared/domain';
import type { FindingsFileErrorCode } from './errors';

const FILE_TEXTS: Record<Lang, Record<FindingsFileErrorCode, string>> = {
  de: {
    'not-ours': 'keine Befund-Tabelle von Prüfstand (das versteckte Blatt „_pruefstand“ fehlt): importieren Sie die Datei, die „pruefstand findings export“ geschrieben hat',
    tampered: 'das versteckte Blatt „_pruefstand“ wurde verändert oder ist unvollständig: die Datei wird nicht übernommen; exportieren Sie neu',
    'other-scope': 'die Datei gehört zu einer anderen Installation, einem anderen Mandanten oder einem anderen Evidenzspeicher',
    encrypted: 'die Datei ist kennwortgeschützt oder ein altes .xls: speichern Sie sie ohne Kennwort als .xlsx',
    corrupt: 'die Datei ist beschädigt oder keine .xlsx-Arbeitsmappe',
    'too-large': 'die Datei ist zu groß (höchstens 10 MB)',
  },
  en: {
    'not-ours': 'not a Prüfstand findings workbook (the hidden sheet "_pruefstand" is missing): import the file "pruefstand findings export" wrote',
    tampered: 'the hidden sheet "_pruefstand" was changed or is incomplete: the file is not taken over; export again',
    'other-scope': 'the file belongs to another installation, another client or another evidence store',
    encrypted: 'the file is password-protected or an old .xls: save it without a password as .xlsx',
    corrupt: 'the file is damaged or not an .xlsx workbook',
    'too-large': 'the file is too large (at most 10 MB)',
  },
};

export function findingsFileProblemText(code: FindingsFileErrorCode, lang: Lang): string {
  return FILE_TEXTS[lang][code];
}

export type FindingRowProblem =
  | { kind: 'bad-id'; value: string }
  | { kind: 'not-exported'; id: number }
  | { kind: 'gone'; id: number }
  | { kind: 'bad-date'; value: string }
  | { kind: 'bad-status'; value: string }
  | { kind: 'fixed' }
  | { kind: 'accepted-risk' }
  | { kind: 'false-positive' }
  | { kind: 'too-long'; max: number };

const quote = (s: string): string => `"${s.length > 80 ? `${s.slice(0, 79)}…` : s}"`;

const ROW_TEXTS: Record<Lang, (p: FindingRowProblem) => string> = {
  en: (p) => {
    switch (p.kind) {
      case 'bad-id':
        return `${quote(p.value)} is not the number of a finding.`;
      case 'not-exported':
        return `Finding ${p.id} was not exported in this file; rows cannot be added.`;
      case 'gone':
        return `Finding ${p.id} no longer exists.`;
      case 'bad-date':
        return `${quote(p.value)} is not a date; expected DD.MM.YYYY or YYYY-MM-DD.`;
      case 'bad-status':
        return `${quote(p.value)} is not a status; expected open, in progress, accepted risk or false positive.`;
      case 'fixed':
        return 'A fix is proven by a re-audit in which the check passes; it cannot be set in the file.';
      case 'accepted-risk':
        return 'An accepted risk needs a reason and an expiry date ("Expires on").';
      case 'false-positive':
        return 'A false positive needs a reason.';
      case 'too-long':
        return `At most ${p.max} characters.`;
    }
  },
  de: (p) => {
    switch (p.kind) {
      case 'bad-id':
        return `${quote(p.value)} ist keine Nummer eines Befunds.`;
      case 'not-exported':
        return `Befund ${p.id} wurde nicht in diese Datei exportiert; Zeilen können nicht hinzugefügt werden.`;
      case 'gone':
        return `Befund ${p.id} gibt es nicht mehr.`;
      case 'bad-date':
        return `${quote(p.value)} ist kein Datum; erwartet TT.MM.JJJJ oder JJJJ-MM-TT.`;
      case 'bad-status':
        return `${quote(p.value)} ist kein Status; erwartet offen, in Arbeit, Risiko akzeptiert oder Fehlalarm.`;
      case 'fixed':
        return 'Eine Behebung zeigt eine Nachprüfung, in der die Prüfung besteht; sie kann nicht in der Datei gesetzt werden.';
      case 'accepted-risk':
        return 'Ein akzeptiertes Risiko braucht eine Begründung und ein Ablaufdatum („Gültig bis“).';
      case 'false-positive':
        return 'Ein Fehlalarm braucht eine Begründung.';
      case 'too-long':
        return `Höchstens ${p.max} Zeichen.`;
    }
  },
};

export function findingRowProblemText(problem: FindingRowProblem, lang: Lang): string {
  return ROW_TEXTS[lang](problem);
}
