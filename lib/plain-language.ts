/*
 * Hints for writing « En bref, en mots simples » (a fiche's plain-language summary), after the
 * FALC guidance (facile à lire et à comprendre): short sentences, common — so mostly short —
 * words. Pure and cheap: the form computes them on every keystroke, without asking the server.
 * They are hints, never rules: the server does not refuse a long word.
 */

/** FALC guidance: one idea per sentence, about fifteen words at most. */
export const PLAIN_SENTENCE_MAX_WORDS = 15;
/** Words of more than this many syllables are shown, so the writer may look for a simpler one. */
export const PLAIN_WORD_MAX_SYLLABLES = 4;

export interface PlainLanguageHints {
  /** Words in the longest sentence (0 for an empty text). */
  longestSentenceWords: number;
  /** Words of more than PLAIN_WORD_MAX_SYLLABLES syllables, each once, in the order they appear. */
  longWords: string[];
}

const WORD = /\p{L}+/gu;
const VOWEL_GROUP = /[aeiouyàâäéèêëîïôöùûüÿœæ]+/g;

/**
 * Syllables of a French word as it is written (a heuristic, not a dictionary): one per group of
 * vowels, less the mute final « e » or « es » after a consonant (« politique » has 3, « commune » 2).
 */
export function countSyllables(word: string): number {
  // The « u » of « qu » and of « gu » before e, i, y is no vowel (« politique », « guide »).
  const lower = word
    .toLowerCase()
    .replace(/qu/g, "q")
    .replace(/gu(?=[eiyéèêë])/g, "g");
  const groups = lower.match(VOWEL_GROUP)?.length ?? 0;
  const muteEnding = groups > 1 && /[^aeiouyàâäéèêëîïôöùûüÿœæ]es?$/.test(lower);
  return Math.max(groups > 0 ? 1 : 0, groups - (muteEnding ? 1 : 0));
}

/** Sentences end with « . », « ! », « ? », « … » or a line break. */
function sentencesOf(text: string): string[] {
  return text.split(/[.!?…]+|\n+/).filter((s) => s.trim() !== "");
}

export function plainLanguageHints(text: string): PlainLanguageHints {
  let longestSentenceWords = 0;
  for (const sentence of sentencesOf(text)) {
    longestSentenceWords = Math.max(longestSentenceWords, sentence.match(WORD)?.length ?? 0);
  }
  const seen = new Set<string>();
  const longWords: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    const key = word.toLowerCase();
    if (seen.has(key) || countSyllables(word) <= PLAIN_WORD_MAX_SYLLABLES) continue;
    seen.add(key);
    longWords.push(word);
  }
  return { longestSentenceWords, longWords };
}
