import { z } from "zod";
import { countCharacters, text } from "./fields";

/**
 * The password rule the CNIL recommends for a password alone: at least 12 characters, no
 * composition rules. The server also refuses the most common passwords (server/auth/common-passwords.ts).
 * Length counts characters as people count them (an emoji or « é » is one), not UTF-16 units.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const passwordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .refine((value) => countCharacters(value) >= PASSWORD_MIN_LENGTH, {
    error: `Le mot de passe doit faire au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .refine((value) => countCharacters(value) <= PASSWORD_MAX_LENGTH, {
    error: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  });

export const emailSchema = z
  .string({ error: "Indiquez une adresse électronique." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Indiquez une adresse électronique." })
  .max(254, { error: "Adresse électronique trop longue (254 caractères au plus)." })
  .pipe(z.email({ error: "Adresse électronique invalide (exemple : prenom.nom@exemple.fr)." }));

export const displayNameSchema = text({ min: 2, max: 80, empty: "Indiquez le nom à afficher.", what: "Le nom à afficher" });

/**
 * The secret token of an emailed link (password reset, invitation), sent back in a hidden field.
 * Never refused here: the server function looks it up and says, in words, that the link no
 * longer works — a field error on a hidden input would tell nobody anything.
 */
export const linkToken = () => z.string().max(200).catch("");

/** Set a password (invitation or reset): typed twice. */
export const newPasswordFields = {
  password: passwordSchema,
  confirmation: z.string({ error: "Tapez le mot de passe une seconde fois." }),
};

/** The check that goes with `newPasswordFields`: both typed the same (the message goes on the second one). */
export const passwordsMatch = (v: { password: string; confirmation: string }) => v.password === v.confirmation;
export const PASSWORDS_DIFFER = { path: ["confirmation"], error: "Les deux mots de passe ne sont pas identiques." };
