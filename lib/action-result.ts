/**
 * The one result shape of every server action and server-layer mutation. A user only ever sees
 * `message` (French, safe to show) and `fieldErrors`; codes are for code and tests.
 */
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "LAST_REFERENT"
  | "INVITATION_INVALID"
  | "TOKEN_INVALID"
  | "MAIL_FAILED"
  | "RATE_LIMITED"
  | "UNEXPECTED"
  | "SIGN_IN_FAILED";

export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });

export const fail = (code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>): ActionResult<never> => ({
  ok: false,
  code,
  message,
  fieldErrors,
});

/** Messages for the codes every action shares. */
export const forbidden = () => fail("FORBIDDEN", "Vous n'avez pas le droit de faire cela.");
export const unauthenticated = () => fail("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous pour continuer.");
export const notFound = (what = "Élément") => fail("NOT_FOUND", `${what} introuvable.`);

/** A refused input: each message under its field's name (`agenda.0.label` for nested ones), `_form` for the whole form. */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const invalidInput = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  fail("VALIDATION_FAILED", "Certains champs sont à corriger.", fieldErrorsOf(error));
