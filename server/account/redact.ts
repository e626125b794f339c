/*
 * Replacing an erased person's e-mail and name inside text written before the erasure (journal
 * details and reasons, frozen decks). Pure functions: tested without a database.
 */

export interface Secret {
  text: string;
  /** An e-mail is replaced wherever it appears; a name only as whole words (« Marc » is not « Marcel »). */
  kind: "email" | "name";
}

/** The pseudonymous reference of an erased person: in the users row, hence in the journal's « who ». */
export const erasedName = (userId: number) => `Personne supprimée n°${userId}`;

/** Unique and never deliverable (.invalid is reserved): the users row keeps its constraints. */
export const erasedEmail = (userId: number) => `supprime-${userId}@compte-supprime.invalid`;

/** What an erased staff member's answers and slides are signed with: the answer is the City's. */
export const ERASED_SIGNATURE = "La Ville";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pattern(secret: Secret): RegExp {
  const body = escape(secret.text);
  return secret.kind === "email" ? new RegExp(body, "giu") : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");
}

export function redactText(value: string, secrets: readonly Secret[], replacement: string): string {
  let out = value;
  // Longest first: « Nom, fonction » before « Nom ».
  for (const secret of [...secrets].filter((s) => s.text.length > 0).sort((a, b) => b.text.length - a.text.length)) {
    out = out.replace(pattern(secret), replacement);
  }
  return out;
}

/** Every string of a JSON value (keys included), redacted; the shape is kept. */
export function redactJson<T>(value: T, secrets: readonly Secret[], replacement: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactText(v, secrets, replacement);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, secrets, replacement), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * The same JSON with every string under a key named `key` replaced, at any depth: a row about the
 * person holds their title under `title` (a role change's before and after, a staff invitation),
 * whichever title it was then — not always the one the account ends with.
 */
export function redactKey<T>(value: T, key: string, replacement: string): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, k === key && typeof x === "string" && x !== "" ? replacement : walk(x)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}
