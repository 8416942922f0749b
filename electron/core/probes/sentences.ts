export const MAX_SENTENCES = 5000;
export const MAX_SENTENCE_CHARS = 1000;

/**
 * Words that end with a period without ending the sentence, lower case, without the final period. Single letters
 * ("z. B.", "lit. a.", initials) and 1–2 digit ordinals ("25. Mai", "1. Januar") are handled by rule. Words that
 * often end a sentence ("etc.", "usw.", "Ltd.", "Inc.") are left out on purpose: a wrong split only shortens a quote.
 */
const ABBREVIATIONS = new Set([
  // German
  'abs', 'art', 'lit', 'nr', 'ff', 'bzw', 'ggf', 'ggfs', 'ca', 'vgl', 'gem', 'inkl', 'insb', 'sog', 'evtl', 'str', 'tel', 'hr', 'fr',
  'dr', 'prof', 'bspw', 'ziff', 'buchst', 'allg', 'einschl', 'zzgl', 'mind', 'max', 'min', 'bzgl', 'ggü', 'mio', 'mrd', 'ust',
  'kap', 'anm', 'abschn', 'std', 'tsd', 'u.a', 'z.b', 'd.h', 'i.v.m', 'u.u', 'e.v', 'o.g', 's.o', 's.u', 'z.t', 'i.d.r', 'i.s.d',
  'i.s.v', 'v.a', 'zb', 'jan', 'feb', 'febr', 'aug', 'sept', 'okt', 'nov', 'dez',
  // English
  'e.g', 'i.e', 'mr', 'mrs', 'ms', 'st', 'vs', 'approx', 'cf', 'fig', 'para', 'sec', 'no', 'nos', 'pp', 'incl', 'esp', 'al',
  'jr', 'sr', 'u.s', 'u.k', 'dept', 'e.u',
]);

/** Closing quotes or brackets that may stand between the period and the space. */
const CLOSERS = new Set(['"', "'", '”', '“', '’', '»', '«', ')', ']']);
const STARTS_SENTENCE = /[\p{Lu}\p{N}"„“»«']/u;

function wordBefore(line: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(line[start - 1]!)) start--;
  return line.slice(start, end).replace(/^[("„“»«'[]+/, '').toLowerCase();
}

function endsSentence(line: string, i: number): boolean {
  const mark = line[i]!;
  let j = i + 1;
  while (j < line.length && CLOSERS.has(line[j]!)) j++;
  if (j >= line.length) return true;
  if (!/\s/.test(line[j]!)) return false;
  while (j < line.length && /\s/.test(line[j]!)) j++;
  if (j >= line.length || !STARTS_SENTENCE.test(line[j]!)) return false;
  if (mark !== '.') return true;
  const word = wordBefore(line, i);
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{L}$/u.test(word)) return false;
  if (/^\d{1,2}$/.test(word)) return false;
  return true;
}

/** Cuts an over-long run of text at whitespace so each piece stays under the cap. */
function chunk(sentence: string, max: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (sentence.length - from > max) {
    const cut = sentence.lastIndexOf(' ', from + max);
    const at = cut > from + max / 2 ? cut : from + max;
    out.push(sentence.slice(from, at).trim());
    from = at;
  }
  const rest = sentence.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

export interface Sentences {
  sentences: string[];
  /** More than the cap: the rest of the text was not split (and is not searched). */
  truncated: boolean;
}

/**
 * Splits text into sentences: every line (block) ends one; inside a line a sentence ends at `.`, `!`, `?` or `…`
 * followed by whitespace and a capital letter, digit or opening quote — except after the abbreviations of German
 * legal texts ("Art. 6 Abs. 1 lit. a", "z. B.", "Nr.", "bzw.") and English ones ("e.g.", "i.e.").
 */
export function splitSentences(text: string, maxSentences = MAX_SENTENCES, maxChars = MAX_SENTENCE_CHARS): Sentences {
  const sentences: string[] = [];
  const push = (s: string) => {
    for (const piece of chunk(s.trim(), maxChars)) {
      if (sentences.length >= maxSentences) return false;
      sentences.push(piece);
    }
    return true;
  };
  for (const line of text.split('\n')) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if ((c === '.' || c === '!' || c === '?' || c === '…') && endsSentence(line, i)) {
        let end = i + 1;
        while (end < line.length && CLOSERS.has(line[end]!)) end++;
        if (!push(line.slice(start, end))) return { sentences, truncated: true };
        start = end;
      }
    }
    if (line.slice(start).trim() && !push(line.slice(start))) return { sentences, truncated: true };
  }
  return { sentences, truncated: false };
}
