import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { fail, forbidden, invalidInput, unauthenticated, type ActionResult } from "@/lib/action-result";
import { formDataToObject, keptValues } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { can, type Permission } from "@/lib/permissions";
import { getActor, type SignedInActor } from "@/server/auth/actor";
import { getDb, type Db } from "@/server/db";

/*
 * The one way a form reaches the server. Every form's server action is built here:
 *
 *   export const createDraftAction = formAction({ schema, run: (input, { db, actor }) => createDraft(db, actor, input) });
 *
 * In this order: read the actor (none → « session expirée »), check a permission that needs no
 * context, parse the *raw* form values once with the shared zod schema (field errors in French),
 * run the server function (which authorizes again with the full context and writes the journal
 * in its transaction), then refresh what changed and, if asked, go to another page. The answer
 * is one `FormState`, which carries the typed values back after a refusal, so the form shows them
 * again — with or without JavaScript (the browser posts the form itself before hydration).
 */

export interface FormActionContext<A> {
  db: Db;
  actor: A;
}

interface Definition<S extends z.ZodType, T, A> {
  /** The shared schema: it reads raw form values (text, repeated names) and gives typed data. */
  schema: S;
  /** A permission that needs no context, checked before the input is read. */
  permission?: Permission;
  /** Fields never sent back to the browser (passwords). */
  secret?: readonly string[];
  /** File fields (the logo): handed to the schema as `File`s, never sent back either. */
  files?: readonly string[];
  /** The server function: authorizes with the context, writes, journals. */
  run(input: z.output<S>, context: FormActionContext<A>): Promise<ActionResult<T>>;
  /**
   * After a success (the write has committed): refresh the pages that changed — it may read the
   * database to find which (server/cache.ts) — and return a path to go there.
   */
  done?(data: T, input: z.output<S>, context: FormActionContext<A>): string | void | Promise<string | void>;
}

export type FormAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

const unexpected = () =>
  fail("UNEXPECTED", "Une erreur inattendue nous a empêchés d'enregistrer : rien n'a été changé. Réessayez dans un instant.");

/**
 * The whole handling of one submission, without Next's request: tests call it with their own
 * database and actor. Returns the new state, and where to go next on success.
 */
export async function handleForm<S extends z.ZodType, T, A extends SignedInActor | null>(
  definition: Definition<S, T, A> & { signedIn: boolean },
  load: () => Promise<FormActionContext<SignedInActor | null>>,
  previous: FormState<T> | undefined,
  formData: unknown,
): Promise<{ state: FormState<T>; next?: string }> {
  const n = (previous?.n ?? 0) + 1;
  // A server action is a public POST endpoint: its body may be anything, not only a form.
  if (!(formData instanceof FormData))
    return { state: { n, result: fail("VALIDATION_FAILED", "Formulaire invalide : rechargez la page, puis réessayez.") } };
  const raw = formDataToObject(formData);
  const refused = (result: ActionResult<never>) => ({ state: { n, result, values: keptValues(raw, definition.secret) } });

  const context = await load();
  if (definition.signedIn && !context.actor) return refused(unauthenticated());
  if (definition.permission && !can(context.actor, definition.permission)) return refused(forbidden());
  const files = Object.fromEntries((definition.files ?? []).map((name) => [name, formData.get(name)]));
  const parsed = definition.schema.safeParse(definition.files ? { ...raw, ...files } : raw);
  if (!parsed.success) return refused(invalidInput(parsed.error));

  let result: ActionResult<T>;
  try {
    result = await definition.run(parsed.data, context as FormActionContext<A>);
  } catch (error) {
    unstable_rethrow(error);
    console.error("Action de formulaire en échec :", error);
    return refused(unexpected());
  }
  if (!result.ok) return refused(result);
  const next = (await definition.done?.(result.data, parsed.data, context as FormActionContext<A>)) ?? undefined;
  return { state: { n, result }, next };
}

function build<S extends z.ZodType, T, A extends SignedInActor | null>(
  definition: Definition<S, T, A> & { signedIn: boolean },
): FormAction<T> {
  return async (previous, formData) => {
    const { state, next } = await handleForm(definition, async () => ({ db: await getDb(), actor: await getActor() }), previous, formData);
    if (next) redirect(next);
    return state;
  };
}

/** The server action of a form for signed-in people. */
export function formAction<S extends z.ZodType, T>(definition: Definition<S, T, SignedInActor>): FormAction<T> {
  return build({ ...definition, signedIn: true });
}

/** The server action of a form anyone may send (password reset, invitation): `actor` may be null. */
export function publicFormAction<S extends z.ZodType, T>(definition: Definition<S, T, SignedInActor | null>): FormAction<T> {
  return build({ ...definition, signedIn: false });
}
