import { z } from "zod";
import { emailSchema, linkToken, newPasswordFields, passwordsMatch, PASSWORDS_DIFFER } from "./password";

/*
 * Schemas of the sign-in and password-reset forms: the same ones check the form in the browser
 * (react-hook-form's resolver) and the input on the server.
 */

/** Sign-in: no length rule on the password here (the account's password is what it is). */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Indiquez votre mot de passe." })
    .min(1, { error: "Indiquez votre mot de passe." })
    .max(1000, { error: "Mot de passe trop long." }),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** « Mot de passe oublié » : only the address. */
export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequestInput = z.input<typeof passwordResetRequestSchema>;
export type PasswordResetRequestData = z.output<typeof passwordResetRequestSchema>;

/**
 * The new password, typed twice, and the link's token — from the address of the page, carried in
 * a hidden field so that it travels in the body of the POST, never in a query string.
 */
export const passwordResetSchema = z.object({ token: linkToken(), ...newPasswordFields }).refine(passwordsMatch, PASSWORDS_DIFFER);
export type PasswordResetInput = z.input<typeof passwordResetSchema>;
export type PasswordResetData = z.output<typeof passwordResetSchema>;

/** « Se déconnecter de tous les appareils »: a button, nothing to type (the actor is the session's). */
export const revokeAllSessionsSchema = z.object({});

/** A reset link's token: 32 random bytes in base64url (43 characters); anything else is refused early. */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** « 45 secondes », « 1 seconde », « 3 minutes » (rounded up: never promise a wait shorter than the real one). */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return `${s} seconde${s > 1 ? "s" : ""}`;
  const minutes = Math.ceil(s / 60);
  return `${minutes} minutes`;
}

export const INVALID_CREDENTIALS_MESSAGE = "Adresse électronique ou mot de passe incorrect.";

/**
 * The French message for a sign-in error code sent back by next-auth (server/auth/options.ts):
 * `INVALID_CREDENTIALS`, `THROTTLED:<seconds>`, or anything else (network, configuration).
 */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === "INVALID_CREDENTIALS" || code === "CredentialsSignin") return INVALID_CREDENTIALS_MESSAGE;
  if (code === "CSRF") return "La page de connexion avait expiré : saisissez de nouveau votre adresse et votre mot de passe.";
  const throttled = /^THROTTLED:(\d+)$/.exec(code ?? "");
  if (throttled) return `Trop de tentatives. Réessayez dans ${formatWait(Number(throttled[1]))}.`;
  return "La connexion n'a pas abouti. Réessayez dans un instant.";
}
