import type { ActionResult } from "./action-result";
import type { FormValues } from "./form-data";

/**
 * What a form's server action answers (the state of `useActionState`): the result of the last
 * submission and the values it carried, so the form shows the typed text again after a refusal —
 * also when the browser posted it without JavaScript and the page was rendered by the server.
 */
export interface FormState<T = unknown> {
  /** Grows with every answer, so that the same message is announced again. */
  n: number;
  result: ActionResult<T> | null;
  /** The values sent (secret ones left out), to fill the form again. */
  values?: FormValues;
}

export const idleFormState: FormState<never> = { n: 0, result: null };

/** The first error message of a field in the last answer. */
export function serverFieldError(state: FormState<unknown>, name: string): string | undefined {
  const result = state.result;
  return result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined;
}
