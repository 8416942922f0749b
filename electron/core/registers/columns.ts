// The register columns as data: the header each column gets when we write it (German, English), the header
// variants recognised on import, and the localized values of the dropdown columns. Header variants are compared
// after `normalizeHeader` (case, whitespace and line breaks, hyphens, a trailing '*' or ':' do not matter).
import type { Lang } from '../../shared/domain';
import type { ActivityInput, LegalBasis, ProcessorInput, ProcessorRole, SpecialBasis, TransferBasis } from '../../shared/registers';

export type RegisterKind = 'processors' | 'activities';
/** dpaDocument is never a column: a DPA is attached in the app, never imported. */
export type ProcessorField = Exclude<keyof ProcessorInput, 'dpaDocument'>;
export type ActivityField = keyof ActivityInput;
export type ValueKind = 'text' | 'date' | 'role' | 'country' | 'transfer' | 'list' | 'legal' | 'special';

export interface ColumnSpec<F extends string> {
  field: F;
  value: ValueKind;
  header: Record<Lang, string>;
  /** Further headers recognised on import, besides both `header` texts. */
  aliases: readonly string[];
  required?: boolean;
}

export const PROCESSOR_COLUMNS: readonly ColumnSpec<ProcessorField>[] = [
  {
    field: 'name',
    value: 'text',
    required: true,
    header: { de: 'Name', en: 'Name' },
    aliases: ['Auftragsverarbeiter', 'Dienstleister', 'Name des Auftragsverarbeiters', 'Name Auftragsverarbeiter', 'Anbieter', 'Firma', 'Unternehmen', 'Processor', 'Processor name', 'Vendor', 'Service provider', 'Company'],
  },
  {
    field: 'service',
    value: 'text',
    header: { de: 'Leistung', en: 'Service' },
    aliases: ['Dienst', 'Dienstleistung', 'Leistungen', 'Leistungsbeschreibung', 'Gegenstand', 'Gegenstand der Verarbeitung', 'Services', 'Description of service'],
  },
  { field: 'role', value: 'role', header: { de: 'Rolle', en: 'Role' }, aliases: ['Funktion'] },
  {
    field: 'country',
    value: 'country',
    header: { de: 'Land', en: 'Country' },
    aliases: ['Sitz', 'Sitzland', 'Sitz (Land)', 'Land (Sitz)', 'Standort', 'Country of establishment', 'Location'],
  },
  {
    field: 'dpaSignedOn',
    value: 'date',
    header: { de: 'AVV unterzeichnet am', en: 'DPA signed on' },
    aliases: ['AVV-Datum', 'AVV Datum', 'Datum AVV', 'AVV unterzeichnet', 'AVV abgeschlossen am', 'AVV geschlossen am', 'DPA signed', 'DPA date', 'Date of DPA'],
  },
  {
    field: 'transferBasis',
    value: 'transfer',
    header: { de: 'Übermittlungsgrundlage', en: 'Transfer basis' },
    aliases: ['Garantien', 'Garantie', 'Geeignete Garantien', 'Grundlage Drittlandübermittlung', 'Transfer mechanism', 'Safeguards'],
  },
  {
    field: 'subProcessors',
    value: 'list',
    header: { de: 'Unterauftragsverarbeiter', en: 'Sub-processors' },
    aliases: ['Subunternehmer', 'Weitere Auftragsverarbeiter', 'Subprocessors'],
  },
  {
    field: 'nextReviewOn',
    value: 'date',
    header: { de: 'Nächste Prüfung', en: 'Next review' },
    aliases: ['Nächste Überprüfung', 'Nächste Prüfung am', 'Wiedervorlage', 'Prüfung fällig', 'Next review on', 'Review due'],
  },
  {
    field: 'notes',
    value: 'text',
    header: { de: 'Notizen', en: 'Notes' },
    aliases: ['Bemerkungen', 'Bemerkung', 'Anmerkungen', 'Hinweise', 'Kommentar', 'Kommentare', 'Comments', 'Remarks'],
  },
];

export const ACTIVITY_COLUMNS: readonly ColumnSpec<ActivityField>[] = [
  {
    field: 'activity',
    value: 'text',
    required: true,
    header: { de: 'Verarbeitungstätigkeit', en: 'Activity' },
    aliases: ['Tätigkeit', 'Bezeichnung der Verarbeitungstätigkeit', 'Bezeichnung der Verarbeitung', 'Name der Verarbeitungstätigkeit', 'Verfahren', 'Processing activity', 'Name of processing activity'],
  },
  {
    field: 'purposes',
    value: 'text',
    header: { de: 'Zwecke', en: 'Purposes' },
    aliases: ['Zweck', 'Zweck(e)', 'Zweck der Verarbeitung', 'Zwecke der Verarbeitung', 'Purpose', 'Purposes of processing', 'Purpose of processing'],
  },
  {
    field: 'legalBasis',
    value: 'legal',
    header: { de: 'Rechtsgrundlage (Art. 6)', en: 'Legal basis (Art. 6)' },
    aliases: ['Rechtsgrundlage', 'Rechtsgrundlage Art. 6', 'Rechtsgrundlage Art. 6 DSGVO', 'Legal basis', 'Lawful basis'],
  },
  {
    field: 'specialBasis',
    value: 'special',
    header: { de: 'Rechtsgrundlage Art. 9', en: 'Special basis (Art. 9)' },
    aliases: ['Art. 9', 'Art. 9 DSGVO', 'Art. 9 Abs. 2', 'Art. 9(2)', 'Besondere Kategorien Rechtsgrundlage', 'Rechtsgrundlage besondere Kategorien', 'Rechtsgrundlage Art. 9 DSGVO', 'Special basis', 'Special category basis'],
  },
  {
    field: 'dataCategories',
    value: 'text',
    header: { de: 'Datenkategorien', en: 'Data categories' },
    aliases: ['Kategorien personenbezogener Daten', 'Datenarten', 'Kategorien von Daten', 'Categories of personal data', 'Personal data categories'],
  },
  {
    field: 'subjectCategories',
    value: 'text',
    header: { de: 'Betroffene', en: 'Data subjects' },
    aliases: ['Kategorien betroffener Personen', 'Betroffene Personen', 'Betroffenengruppen', 'Kategorien von Betroffenen', 'Categories of data subjects'],
  },
  {
    field: 'recipients',
    value: 'text',
    header: { de: 'Empfänger', en: 'Recipients' },
    aliases: ['Kategorien von Empfängern', 'Empfängerkategorien', 'Categories of recipients'],
  },
  {
    field: 'thirdCountryTransfers',
    value: 'text',
    header: { de: 'Drittlandübermittlungen', en: 'Third-country transfers' },
    aliases: ['Drittlandübermittlung', 'Übermittlung in Drittländer', 'Übermittlungen in Drittländer', 'Drittland', 'Drittländer', 'Third country transfers', 'Transfers to third countries'],
  },
  {
    field: 'retention',
    value: 'text',
    header: { de: 'Löschfrist', en: 'Retention' },
    aliases: ['Löschfristen', 'Aufbewahrung', 'Aufbewahrungsfrist', 'Speicherdauer', 'Fristen für die Löschung', 'Retention period', 'Time limits for erasure'],
  },
  {
    field: 'tomReference',
    value: 'text',
    header: { de: 'TOM-Verweis', en: 'TOM reference' },
    aliases: ['TOM', 'TOMs', 'Verweis TOM', 'Technische und organisatorische Maßnahmen', 'Technical and organisational measures', 'Technical and organizational measures'],
  },
];

export const SHEET_NAMES: Record<RegisterKind, Record<Lang, string>> = {
  processors: { de: 'Auftragsverarbeiter', en: 'Processors' },
  activities: { de: 'Verarbeitungstätigkeiten', en: 'Records of processing' },
};

/** The values written to cells and offered in the dropdowns; each is also recognised on import. */
export const ROLE_LABELS: Record<ProcessorRole, Record<Lang, string>> = {
  processor: { de: 'Auftragsverarbeiter', en: 'processor' },
  'sub-processor': { de: 'Unterauftragsverarbeiter', en: 'sub-processor' },
};

export const TRANSFER_LABELS: Record<TransferBasis, Record<Lang, string>> = {
  adequacy: { de: 'Angemessenheitsbeschluss', en: 'adequacy decision' },
  scc: { de: 'Standardvertragsklauseln', en: 'SCC' },
  dpf: { de: 'Data Privacy Framework', en: 'DPF' },
  bcr: { de: 'BCR', en: 'BCR' },
  none: { de: 'keine', en: 'none' },
};

/** Kept short: an Excel list validation holds at most 255 characters. */
export function legalBasisLabel(letter: LegalBasis, lang: Lang): string {
  return lang === 'de' ? `Art. 6 Abs. 1 lit. ${letter}` : `Art. 6(1)(${letter})`;
}

export function specialBasisLabel(letter: SpecialBasis, lang: Lang): string {
  return lang === 'de' ? `Art. 9 Abs. 2 lit. ${letter}` : `Art. 9(2)(${letter})`;
}

/** Header text as compared on import: case, spacing, line breaks, hyphens and a trailing '*' or ':' ignored. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    // A word hyphenated at a line break in the header cell ("Übermittlungs-\ngrundlage") is one word.
    .replace(/[-\u00ad]\s*\n\s*/g, '')
    .replace(/[-_\u2010-\u2015]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s*:]+$/, '')
    .trim();
}

/** Texts of the dropdowns in written workbooks (shown when a value outside the list is typed). */
export const VALIDATION_TEXTS: Record<Lang, { title: string; error: string; prompt: string }> = {
  de: { title: 'Wert aus der Liste', error: 'Bitte einen Wert aus der Liste wählen; andere Angaben werden beim Import geprüft.', prompt: 'Wert aus der Liste wählen' },
  en: { title: 'Value from the list', error: 'Please pick a value from the list; other entries are checked on import.', prompt: 'Pick a value from the list' },
};
