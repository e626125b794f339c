import { z } from "zod";

/*
 * The rules every input of the app follows, written once. Form values arrive as text (FormData,
 * query strings) or, from react-hook-form, as text, booleans and arrays: each helper accepts
 * both and gives one typed output.
 *
 * - Text: trimmed, no control character (tab and line breaks allowed), valid Unicode (no lone
 *   surrogate: PostgreSQL's jsonb and text columns refuse them), length counted as people count
 *   characters (an emoji or an accented letter is one).
 * - Ids: a PostgreSQL `integer` (1 … 2 147 483 647), never a number the database would refuse.
 * - Days: a real calendar day (no 31 February) between 1900 and 2100.
 */

export const PG_INT_MAX = 2_147_483_647;

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const INVALID_CHARACTERS = "Le texte contient des caractères invalides (caractères de contrôle). Retirez-les, puis réessayez.";

/** True when a text has no control character and is valid Unicode. */
export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

/** Removes what `isCleanText` refuses: for search boxes and filters, which never fail. */
export function cleanText(value: string): string {
  return value.replace(new RegExp(CONTROL_CHARACTER.source, "g"), "").replace(new RegExp(LONE_SURROGATE.source, "g"), "");
}

const graphemes = new Intl.Segmenter("fr", { granularity: "grapheme" });

/**
 * Characters as people count them (an emoji, or a letter with its accent, is one) — counting
 * stops past `limit`, so a huge post costs no more than a text of the allowed length.
 */
export function countCharacters(value: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) if (++count > limit) break;
  return count;
}

/** A textarea posted by a browser sends CRLF line breaks: stored text uses LF only. */
const normalizeLineBreaks = (value: string) => value.replace(/\r\n?/g, "\n");

const asString = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : value);

/**
 * A required text. `empty` is the message when nothing was typed; `what` starts the length
 * messages (« Le texte », « La raison »).
 */
export const text = ({ min = 1, max, empty, what }: { min?: number; max: number; empty: string; what: string }) =>
  z.preprocess(
    asString,
    z
      .string({ error: empty })
      .transform(normalizeLineBreaks)
      .pipe(
        z
          .string()
          .trim()
          .refine((v) => v.length > 0, { error: empty, abort: true })
          .refine(isCleanText, { error: INVALID_CHARACTERS, abort: true })
          .refine((v) => countCharacters(v, max) >= min, { error: `${what} doit faire au moins ${min} caractères.` })
          .refine((v) => countCharacters(v, max) <= max, { error: `${what} ne peut pas dépasser ${max} caractères.` }),
      ),
  );

/** An optional text: empty (or absent) gives null. */
export const optionalText = ({ max, what }: { max: number; what: string }) =>
  z.preprocess(
    asString,
    z
      .string({ error: `${what} est invalide.` })
      .transform((v) => normalizeLineBreaks(v).trim())
      .refine(isCleanText, { error: INVALID_CHARACTERS, abort: true })
      .refine((v) => countCharacters(v, max) <= max, { error: `${what} ne peut pas dépasser ${max} caractères.` })
      .transform((v) => (v === "" ? null : v)),
  );

/** The id of a row: digits only, a PostgreSQL integer. */
export const id = (message = "Élément inconnu.") =>
  z.preprocess(
    (value) => (typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : value),
    z
      .string({ error: message })
      .regex(/^\d{1,10}$/, { error: message })
      .transform(Number)
      .refine((n) => n >= 1 && n <= PG_INT_MAX, { error: message }),
  );

/** An id, or null when empty (a select's « none » option). */
export const optionalId = (message = "Élément inconnu.") =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), id(message).nullable());

/** An id read from a URL (a filter): anything that is not a valid id is simply no filter. */
export const queryId = () => optionalId().catch(null);

/** The slug of a fiche, a theme, a council or a meeting, as in its address. */
export const slug = (message = "Élément inconnu.") =>
  z.preprocess(
    asString,
    z
      .string({ error: message })
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: message })
      .max(200, { error: message }),
  );

/** Generated once per form render: the same form sent twice writes once. */
export const requestId = () =>
  z.preprocess(
    asString,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "Ce formulaire est incomplet : rechargez la page." }),
  );

export const DAY_MIN_YEAR = 1900;
export const DAY_MAX_YEAR = 2100;

/** True for a real calendar day written YYYY-MM-DD, between 1900 and 2100. */
export function isRealDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < DAY_MIN_YEAR || y > DAY_MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dayMessage = "Date invalide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-12-17.";

/** A required day (YYYY-MM-DD, as an `<input type="date">` sends it). */
export const day = (empty: string) =>
  z.preprocess(
    asString,
    z
      .string({ error: empty })
      .trim()
      .refine((v) => v.length > 0, { error: empty, abort: true })
      .refine(isRealDay, { error: dayMessage }),
  );

/** An optional day: empty gives null. */
export const optionalDay = () =>
  z.preprocess(
    asString,
    z
      .string({ error: dayMessage })
      .trim()
      .refine((v) => v === "" || isRealDay(v), { error: dayMessage })
      .transform((v) => (v === "" ? null : v)),
  );

/** A day read from a URL (a filter): anything that is not a real day is simply no filter. */
export const queryDay = () => optionalDay().catch(null);

/** A checkbox: ticked ("on", "true", true) or not (absent, "", "false", false). */
export const checkbox = () => z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

/** Several values under one name (checkboxes): absent gives [], one value gives [value]. */
export const list = <T extends z.ZodType>(item: T, { max, tooMany }: { max: number; tooMany: string }) =>
  z.preprocess(
    // react-hook-form gives `false` for a lone unticked checkbox of a list.
    (value) => (value === undefined || value === null || value === "" || value === false ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).max(max, { error: tooMany }),
  );

/** A whole number typed in a text box (« 12 », « 1 200 »), with French messages. */
export const wholeNumber = ({ min, max, what, example }: { min: number; max: number; what: string; example: number }) =>
  z.preprocess(
    (value) => (typeof value === "number" ? String(value) : asString(value)),
    z.string({ error: `Indiquez ${what}.` }).transform((raw, ctx) => {
      const v = raw.replace(/\s/g, "");
      if (v === "") {
        ctx.addIssue({ code: "custom", message: `Indiquez ${what}.` });
        return z.NEVER;
      }
      if (!/^-?\d{1,12}$/.test(v)) {
        ctx.addIssue({ code: "custom", message: `Indiquez ${what} en chiffres, sans virgule (par exemple ${example}).` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Choisissez un nombre entre ${min} et ${max}.` });
        return z.NEVER;
      }
      return n;
    }),
  );

/** One of a fixed set of values (a select, radio buttons). */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), z.enum(values, { error: message }));

/** A search box or a text filter of a GET form: never fails; cut to `max`, control characters removed. */
export const searchText = (max: number) =>
  // Cut by characters, not UTF-16 units: never half an emoji.
  z.preprocess((value) => (typeof value === "string" ? [...cleanText(value).trim()].slice(0, max).join("") : ""), z.string());

/** The page number of a paginated list, from the URL: anything odd is page 1. */
export const pageNumber = (max = 100_000) => z.coerce.number().int().min(1).max(max).catch(1);
