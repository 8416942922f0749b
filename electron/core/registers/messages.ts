// The texts of per-row import errors, German and English. `value` is the cell's text as the file has it.
import type { Lang } from '../../shared/domain';

export type RowProblem =
  | { kind: 'required' }
  | { kind: 'date'; value: string }
  | { kind: 'role'; value: string }
  | { kind: 'country'; value: string }
  | { kind: 'transfer'; value: string }
  | { kind: 'legal'; value: string }
  | { kind: 'special'; value: string }
  | { kind: 'duplicate'; firstRow: number; firstSheet: string };

const quote = (s: string): string => `"${s.length > 80 ? `${s.slice(0, 79)}…` : s}"`;

const TEXTS: Record<Lang, (p: RowProblem) => string> = {
  en: (p) => {
    switch (p.kind) {
      case 'required':
        return 'This column must not be empty.';
      case 'date':
        return `${quote(p.value)} is not a date; expected DD.MM.YYYY or YYYY-MM-DD.`;
      case 'role':
        return `${quote(p.value)} is not a role; expected processor or sub-processor.`;
      case 'country':
        return `${quote(p.value)} is not a known country; expected a two-letter ISO code such as DE or US.`;
      case 'transfer':
        return `${quote(p.value)} is not a transfer basis; expected adequacy decision, SCC, DPF, BCR or none.`;
      case 'legal':
        return `${quote(p.value)} is not a legal basis of Art. 6(1) GDPR; expected e.g. Art. 6(1)(a) or a letter a–f.`;
      case 'special':
        return `${quote(p.value)} is not a legal basis of Art. 9(2) GDPR; expected e.g. Art. 9(2)(a) or a letter a–j.`;
      case 'duplicate':
        return `The same name appears already in row ${p.firstRow} of "${p.firstSheet}"; this row is ignored.`;
    }
  },
  de: (p) => {
    switch (p.kind) {
      case 'required':
        return 'Diese Spalte darf nicht leer sein.';
      case 'date':
        return `${quote(p.value)} ist kein Datum; erwartet TT.MM.JJJJ oder JJJJ-MM-TT.`;
      case 'role':
        return `${quote(p.value)} ist keine Rolle; erwartet Auftragsverarbeiter oder Unterauftragsverarbeiter.`;
      case 'country':
        return `${quote(p.value)} ist kein bekanntes Land; erwartet ein ISO-Kürzel wie DE oder US.`;
      case 'transfer':
        return `${quote(p.value)} ist keine Übermittlungsgrundlage; erwartet Angemessenheitsbeschluss, Standardvertragsklauseln, Data Privacy Framework, BCR oder keine.`;
      case 'legal':
        return `${quote(p.value)} ist keine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO; erwartet z. B. Art. 6 Abs. 1 lit. a oder einen Buchstaben a–f.`;
      case 'special':
        return `${quote(p.value)} ist keine Rechtsgrundlage nach Art. 9 Abs. 2 DSGVO; erwartet z. B. Art. 9 Abs. 2 lit. a oder einen Buchstaben a–j.`;
      case 'duplicate':
        return `Derselbe Name steht schon in Zeile ${p.firstRow} von „${p.firstSheet}“; diese Zeile wird übergangen.`;
    }
  },
};

export function rowProblemText(problem: RowProblem, lang: Lang): string {
  return TEXTS[lang](problem);
}
