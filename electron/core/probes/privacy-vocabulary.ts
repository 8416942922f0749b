// What a privacy policy must say, as German and English vocabulary. Data, not logic: both vocabularies are applied
// to every policy whatever its language (many German sites mix in English terms and vice versa). Patterns are run
// on one sentence at a time (at most MAX_SENTENCE_CHARS), so each stays linear.

export const POLICY_ELEMENTS = [
  'mautic',
  'mautic-cookies',
  'controller',
  'dpo',
  'purposes',
  'legal-basis',
  'retention',
  'rights',
  'withdrawal',
  'complaint',
  'recipients',
  'transfers',
] as const;
export type PolicyElementId = (typeof POLICY_ELEMENTS)[number];

/** The elements Art. 13 GDPR asks for, in the order of the article. */
export const ART13_ELEMENTS = ['controller', 'dpo', 'purposes', 'legal-basis', 'recipients', 'transfers', 'retention', 'rights', 'withdrawal', 'complaint'] as const satisfies readonly PolicyElementId[];

export interface ElementPart {
  /** Shown to the auditor when the part is missing: a cookie name or the GDPR article of a right. */
  id: string;
  /** A policy that leaves out an optional part is still complete (e.g. mtc_sid, gone in Mautic 5). */
  required: boolean;
  patterns: RegExp[];
}

export interface ElementVocabulary {
  de: RegExp[];
  en: RegExp[];
  /** Must also occur in the matching sentence or one of the `within` sentences after it (an address block). */
  companion?: { patterns: RegExp[]; within: number };
  /** Sub-elements searched one by one; the element is complete when every required part is found. */
  parts?: ElementPart[];
}

const article = (n: number) => new RegExp(`\\bart(icle|\\.)?\\s*${n}\\b`, 'i');

/** Contact details: an e-mail address, a postcode with a town, a street with a number, a phone number. */
const CONTACT: RegExp[] = [
  // Anchored at the start of a token and bounded, so a long run of letters costs one pass, not one per position.
  /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,8}/,
  /\be-?mail\s*:/i,
  // A postcode starts a line or follows a comma ("…straße 12, 10115 Berlin"): a year before a German noun does not.
  /(^|[,;]\s*|\b[A-Z]{1,2}-)\d{4,5}\s+[A-ZÄÖÜ][a-zäöüß]+/,
  /(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)\s*\d/i,
  /\b\d+\s+[A-Z][a-z]+\s+(street|road|avenue|lane|square)\b/i,
  /\b(tel(efon)?|phone|fon)\b\.?\s*:?\s*\+?\d/i,
];

export const VOCABULARY: Record<PolicyElementId, ElementVocabulary> = {
  mautic: { de: [/\bmautic\b/i], en: [] },
  'mautic-cookies': {
    de: [],
    en: [],
    parts: [
      { id: 'mtc_id', required: true, patterns: [/\bmtc_id\b/i] },
      { id: 'mautic_device_id', required: true, patterns: [/\bmautic_device_id\b/i] },
      { id: 'mtc_sid', required: false, patterns: [/\bmtc_sid\b/i] },
    ],
  },
  controller: {
    de: [/\bverantwortliche[nr]?\b/i, /\bverantwortlich im sinne/i, /\bverantwortlich für die (daten)?verarbeitung/i],
    en: [/\bcontroller\b/i, /\bresponsible (party|body|entity)\b/i, /\bresponsible for (the )?(data )?processing\b/i],
    companion: { patterns: CONTACT, within: 8 },
  },
  dpo: {
    de: [/datenschutzbeauftragte/i],
    en: [/\bdata protection officer\b/i, /\bDPO\b/],
  },
  purposes: {
    de: [/zweck(e|en|s)?\b/i],
    en: [/\bpurposes?\b/i],
  },
  'legal-basis': {
    de: [/\bart\.?\s*6\s*abs\.?\s*1\b/i, /rechtsgrundlage/i, /berechtigte[nms]?\s+interesse/i, /\bart\.?\s*6\s*(dsgvo|ds-gvo)\b/i],
    en: [/\bart(icle|\.)?\s*6\s*\(1\)/i, /\bart(icle|\.)?\s*6\s*(para(graph)?\.?\s*)?1\b/i, /\b(legal|lawful) basis\b/i, /\blegitimate interests?\b/i, /\bart(icle|\.)?\s*6\s*gdpr\b/i],
  },
  retention: {
    de: [
      /speicherdauer/i,
      /dauer der speicherung/i,
      /aufbewahrungsfrist/i,
      /löschfrist/i,
      /aufbewahrt/i,
      /gespeichert,?\s+(bis|solange|für die dauer)/i,
      /gelöscht,?\s+(nach|sobald|wenn|spätestens)/i,
      /\bnach\s[^.]{1,40}\sgelöscht/i,
    ],
    en: [
      /\bretention\b/i,
      /\bretain(ed)?\b/i,
      /\b(stored|kept|store|keep)\s+(your\s+)?(personal\s+)?(data\s+)?(for|until|as long as)\b/i,
      /\bdeleted\s+(after|once|when|as soon as|within)\b/i,
      /\bstorage (period|duration)\b/i,
    ],
  },
  rights: {
    de: [],
    en: [],
    parts: [
      { id: 'Art. 15', required: true, patterns: [/auskunft/i, /\bright (of|to) access\b/i, /\baccess to (your|the) (personal )?(data|information)\b/i, article(15)] },
      { id: 'Art. 16', required: true, patterns: [/berichtigung/i, /\brectif(y|ication)\b/i, article(16)] },
      { id: 'Art. 17', required: true, patterns: [/löschung/i, /\berasure\b/i, /\bright to be forgotten\b/i, article(17)] },
      { id: 'Art. 18', required: true, patterns: [/einschränkung/i, /\brestrict(ion)?\b/i, article(18)] },
      { id: 'Art. 20', required: true, patterns: [/übertragbarkeit/i, /\bportability\b/i, article(20)] },
      { id: 'Art. 21', required: true, patterns: [/widerspruch/i, /widersprechen/i, /\bright to object\b/i, /\bobject to\b/i, article(21)] },
    ],
  },
  withdrawal: {
    de: [/widerruf/i],
    en: [/\bwithdraw(al|n)?\b[^.]{0,40}\bconsent\b/i, /\bconsent\b[^.]{0,60}\bwithdraw/i, /\brevo(ke|cation)\b/i],
  },
  complaint: {
    de: [/aufsichtsbehörde/i, /beschwerderecht/i, /recht auf beschwerde/i, /beschwerde\s+(bei|einzulegen|einlegen|einreichen)/i],
    en: [/\bsupervisory authorit(y|ies)\b/i, /\blodge a complaint\b/i, /\bright to (lodge a |file a )?complain/i],
  },
  recipients: {
    de: [/empfänger/i, /auftragsverarbeiter/i, /weitergegeben|weitergabe/i, /übermittelt an\b/i],
    en: [/\brecipients?\b/i, /\bprocessors?\b/i, /\bshared? with\b/i, /\bdisclosed? to\b/i],
  },
  transfers: {
    de: [/drittl(and|änder|ändern)\b/i, /drittstaat/i, /\bUSA\b/, /vereinigte[n]? staaten/i, /standard(vertrags|datenschutz)klauseln/i, /angemessenheitsbeschluss/i, /\bEU-US\b/],
    en: [/\bthird countr(y|ies)\b/i, /\bstandard contractual clauses\b/i, /\badequacy decision\b/i, /\bunited states\b/i, /\boutside (of )?the (EU|EEA|European)/i, /\bdata privacy framework\b/i, /\bprivacy shield\b/i],
  },
};
