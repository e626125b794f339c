import type { z } from "zod";
import type { Db } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import type { SignedInActor } from "@/server/auth/actor";
import { handleForm, type FormActionContext } from "@/server/form-action";

/** What a browser sends: each field as text, a repeated name (checkboxes) as several values. */
export type RawForm = Record<string, string | string[] | undefined>;

export function toFormData(values: RawForm): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

/**
 * Sends a form the way the app does (server/form-action.ts): raw values parsed once by the shared
 * schema, then the server function — so a test of a refused input goes through the real path.
 */
export async function submitForm<S extends z.ZodType, T>(
  db: Db,
  actor: SignedInActor | null,
  schema: S,
  values: RawForm,
  run: (input: z.output<S>, context: FormActionContext<SignedInActor | null>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const { state } = await handleForm({ schema, run, signedIn: false }, async () => ({ db, actor }), undefined, toFormData(values));
  return state.result!;
}
