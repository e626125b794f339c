import { countCharacters } from "@/lib/validation/fields";
import { PLAIN_SENTENCE_MAX_WORDS, PLAIN_WORD_MAX_SYLLABLES, plainLanguageHints } from "@/lib/plain-language";
import { PLAIN_SUMMARY_MAX } from "@/lib/validation/plan";
import { joinFrench } from "@/lib/french";
import { pluralize } from "@/lib/labels";

/**
 * Next to « En bref, en mots simples », recomputed at each keystroke in the browser (no request):
 * the length, the longest sentence in words, the words of more than 4 syllables (FALC guidance).
 * Hints only: nothing here stops the form.
 */
export function PlainSummaryHints({ id, text }: { id: string; text: string }) {
  const hints = plainLanguageHints(text);
  const characters = countCharacters(text.trim(), PLAIN_SUMMARY_MAX + 1);
  const longSentence = hints.longestSentenceWords > PLAIN_SENTENCE_MAX_WORDS;
  return (
    <ul id={id} className="list-disc space-y-1 pl-6 text-sm text-slate-800" data-testid="conseils-mots-simples">
      <li>
        {characters > PLAIN_SUMMARY_MAX ? (
          <strong className="text-red-800">
            {characters} caractères : {PLAIN_SUMMARY_MAX} au plus.
          </strong>
        ) : (
          `${pluralize(characters, "caractère", "caractères")} sur ${PLAIN_SUMMARY_MAX}.`
        )}
      </li>
      <li>
        Phrase la plus longue : {pluralize(hints.longestSentenceWords, "mot", "mots")}
        {longSentence ? <strong> — visez {PLAIN_SENTENCE_MAX_WORDS} mots au plus, une idée par phrase.</strong> : "."}
      </li>
      <li>
        {hints.longWords.length === 0 ? (
          `Aucun mot de plus de ${PLAIN_WORD_MAX_SYLLABLES} syllabes.`
        ) : (
          <>
            Mots de plus de {PLAIN_WORD_MAX_SYLLABLES} syllabes (un mot plus courant existe-t-il ?) :{" "}
            <strong>{joinFrench(hints.longWords)}</strong>.
          </>
        )}
      </li>
    </ul>
  );
}
