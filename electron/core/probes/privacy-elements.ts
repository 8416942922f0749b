import { POLICY_ELEMENTS, VOCABULARY, type ElementVocabulary, type PolicyElementId } from './privacy-vocabulary';

export const QUOTE_CHARS = 300;
/** A matching "sentence" this short is a heading: the sentence after it is quoted with it. */
const HEADING_CHARS = 60;

export interface ElementMatch {
  /** The sentence that matched (with the next one after a heading), cut to QUOTE_CHARS around the match. */
  quote: string;
  /** Index of the matching sentence in the policy's sentences. */
  sentence: number;
  /** For elements with parts (cookies, rights): the parts found anywhere in the text. */
  parts?: string[];
}

export type RecognizedElements = Partial<Record<PolicyElementId, ElementMatch>>;

/** A quote of at most `max` characters around `at`, with an ellipsis where it was cut. */
export function quoteAround(text: string, at: number, max = QUOTE_CHARS): string {
  if (text.length <= max) return text;
  const start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  const body = text.slice(start, start + max - 2).trim();
  return `${start > 0 ? '…' : ''}${body}${start + max - 2 < text.length ? '…' : ''}`;
}

function firstMatch(sentence: string, patterns: readonly RegExp[]): number {
  let best = -1;
  for (const p of patterns) {
    const m = p.exec(sentence);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/** The quote for a match at `at` in sentence `i`; a heading is quoted with the sentence after it. */
export function quoteOf(sentences: readonly string[], i: number, at: number): string {
  const sentence = sentences[i]!;
  const next = sentences[i + 1];
  const text = sentence.length < HEADING_CHARS && next !== undefined ? `${sentence} ${next}` : sentence;
  return quoteAround(text, at);
}

function findSimple(sentences: readonly string[], vocab: ElementVocabulary): ElementMatch | null {
  const patterns = [...vocab.de, ...vocab.en];
  let heading: ElementMatch | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const at = firstMatch(sentences[i]!, patterns);
    if (at < 0) continue;
    if (vocab.companion) {
      const window = sentences.slice(i, i + 1 + vocab.companion.within);
      const isContact = (s: string) => firstMatch(s, vocab.companion!.patterns) >= 0;
      let hit = window.findIndex(isContact);
      if (hit < 0) continue;
      // The quote shows both: the naming sentence and the contact lines that follow it (an address block).
      while (hit + 1 < window.length && isContact(window[hit + 1]!)) hit++;
      const quote = hit === 0 ? quoteOf(sentences, i, at) : quoteAround(window.slice(0, hit + 1).join(' '), at);
      return { quote, sentence: i };
    }
    // A heading ("Speicherdauer") only announces the element: a sentence that says it is better evidence.
    if (sentences[i]!.length >= HEADING_CHARS) return { quote: quoteOf(sentences, i, at), sentence: i };
    heading ??= { quote: quoteOf(sentences, i, at), sentence: i };
  }
  return heading;
}

function findParts(sentences: readonly string[], vocab: ElementVocabulary): ElementMatch | null {
  const parts = vocab.parts!;
  const found = new Set<string>();
  let best: { i: number; count: number; at: number } | null = null;
  for (let i = 0; i < sentences.length; i++) {
    let count = 0;
    let at = -1;
    for (const part of parts) {
      const hit = firstMatch(sentences[i]!, part.patterns);
      if (hit < 0) continue;
      found.add(part.id);
      count++;
      if (at < 0 || hit < at) at = hit;
    }
    if (count > 0 && (!best || count > best.count)) best = { i, count, at };
  }
  if (!best) return null;
  return { quote: quoteOf(sentences, best.i, best.at), sentence: best.i, parts: parts.map((p) => p.id).filter((id) => found.has(id)) };
}

/**
 * Finds each element of the vocabulary in the sentences of a policy: the first sentence that names it (and, for
 * the controller, is followed by contact details), or for elements with parts the sentence that names the most
 * parts. Elements not found are absent from the result. Observation only: whether that is enough is the checks'.
 */
export function recognizeElements(sentences: readonly string[]): RecognizedElements {
  const out: RecognizedElements = {};
  for (const id of POLICY_ELEMENTS) {
    const vocab = VOCABULARY[id];
    const match = vocab.parts ? findParts(sentences, vocab) : findSimple(sentences, vocab);
    if (match) out[id] = match;
  }
  return out;
}
