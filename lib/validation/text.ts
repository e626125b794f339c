import { z } from "zod";
import { countCharacters } from "./password";

/**
 * A required plain text, trimmed, whose length is counted as people count characters (an emoji or
 * an accented letter is one). `empty` is the message when nothing was typed; `what` starts the
 * length messages (« Le texte », « La raison »).
 */
export const plainText = (min: number, max: number, empty: string, what: string) =>
  z
    .string({ error: empty })
    .trim()
    .refine((v) => v.length > 0, { error: empty, abort: true })
    .refine((v) => countCharacters(v) >= min, { error: `${what} doit faire au moins ${min} caractères.` })
    .refine((v) => countCharacters(v) <= max, { error: `${what} ne peut pas dépasser ${max} caractères.` });
