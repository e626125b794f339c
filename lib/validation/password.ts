import { z } from "zod";
import { countCharacters } from "./fields";

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

export const displayNameSchema = z
  .string({ error: "Indiquez le nom à afficher." })
  .trim()
  .min(2, { error: "Le nom à afficher doit faire au moins 2 caractères." })
  .max(80, { error: "Le nom à afficher ne peut pas dépasser 80 caractères." });

/** Set a password (invitation or reset): typed twice, must match. */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], error: "Les deux mots de passe ne sont pas identiques." });
