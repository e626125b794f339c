import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

/**
 * Puts the server's field errors next to their fields (the first one gets the focus), so a
 * check only the server can make (a number already taken…) reads like any other error.
 * Returns true if at least one field got an error.
 */
export function showServerFieldErrors<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>, result: ActionResult<unknown>): boolean {
  if (result.ok || !result.fieldErrors) return false;
  let first = true;
  for (const [name, messages] of Object.entries(result.fieldErrors)) {
    const message = messages[0];
    if (!message) continue;
    form.setError(name as Path<T>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  return !first;
}

/** A call to a server action that cannot throw: a lost connection becomes a French message. */
export async function callAction<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch {
    return {
      ok: false,
      code: "CONFLICT",
      message: "La connexion avec le serveur a échoué. Vérifiez votre connexion à Internet, puis réessayez.",
    };
  }
}
