/*
 * A digest mail's subject says what happened (« La Ville a répondu à votre proposition « … » »),
 * not « Une nouvelle notification »: people decide from the subject whether to open a mail.
 */

/**
 * Up to « : » (what follows is detail) or the end of the first sentence — never inside « … »,
 * where a title may hold its own colon or period.
 */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "«") depth++;
    else if (c === "»") depth = Math.max(0, depth - 1);
    else if (depth === 0 && text[i + 1] === " " && (c === "." || c === "!" || c === "?")) return text.slice(0, i);
    else if (depth === 0 && c === ":" && text[i - 1] === " ") return text.slice(0, i - 1);
  }
  return text;
}

/** Longest subject kept whole; longer ones are cut at a word with « … » (mail clients cut anyway). */
export const SUBJECT_MAX = 140;

/** The first sentence of a notification message, without its final period, at most SUBJECT_MAX long. */
export function subjectOf(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  const clause = firstClause(flat).replace(/[.\s]+$/, "");
  if (clause.length <= SUBJECT_MAX) return clause;
  // Shorten the longest quoted title first: what happened (« a été refusé ») comes after it.
  const quoted = [...clause.matchAll(/« ([^«»]+) »/g)].sort((a, b) => b[1]!.length - a[1]!.length)[0];
  if (quoted) {
    const room = quoted[1]!.length - (clause.length - SUBJECT_MAX) - 1;
    if (room >= 20) return clause.replace(quoted[0], `« ${cutAtWord(quoted[1]!, room)} »`);
  }
  return cutAtWord(clause, SUBJECT_MAX - 1);
}

/** The digest's subject: the first notification's news, and how many others wait. */
export function digestSubject(messages: string[]): string {
  const [first] = messages;
  if (first === undefined) return "Vos notifications";
  const others = messages.length - 1;
  if (others === 0) return subjectOf(first);
  return `${subjectOf(first)} (et ${others} autre${others > 1 ? "s" : ""} notification${others > 1 ? "s" : ""})`;
}

/** The text cut to at most `max` characters at a word, then « … » (so max + 1 in all). */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}
