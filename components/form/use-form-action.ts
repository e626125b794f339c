"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { FormValues } from "@/lib/form-data";
import { idleFormState, serverFieldError, type FormState } from "@/lib/form-state";

/*
 * The one hook behind every form of the app: react-hook-form for checking in the browser (same
 * zod schema as the server), and the form's server action for sending.
 *
 * The form it wires always has an `action` (the server action): before React has hydrated — a
 * slow phone, JavaScript off — the browser posts it as a plain POST, never as a GET carrying its
 * fields in the address. The server answers with a page showing the result and the typed values.
 * Once hydrated, the browser checks first, then sends the form's own fields (`new FormData`),
 * which the server parses: the client never sends its own parsed version.
 */

type Action<T> = (state: FormState<T>, formData: FormData) => FormState<T> | Promise<FormState<T>>;

/** A schema whose input can hold what a form holds (the typed text, ticked boxes…). */
type FormSchema = z.ZodType<unknown, FieldValues>;

export interface UseFormActionOptions<S extends FormSchema, T> {
  /** The form's server action; or, with `endpoint`, a browser function that sends the form there. */
  action: Action<T>;
  /**
   * An address the form posts to instead of a server action (next-auth's sign-in endpoint):
   * without JavaScript the browser posts there; with it, `action` runs in the browser.
   */
  endpoint?: string;
  /** The shared schema; without one, the form has nothing to check (a single button). */
  schema?: S;
  defaultValues?: DefaultValues<z.input<S>>;
  /** Called once per successful answer (with JavaScript), e.g. to empty the form. */
  onSuccess?: (state: FormState<T>, form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => void;
}

export function useFormAction<S extends FormSchema, T = unknown>({ action, endpoint, schema, defaultValues, onSuccess }: UseFormActionOptions<S, T>) {
  const [state, dispatch, pending] = useActionState<FormState<T>, FormData>(action, idleFormState);
  // After a refusal rendered by the server (no JavaScript), the values typed come back in the
  // state: they are the form's values then (an unticked box is absent from them, as it should be).
  const initial = (state.values ?? defaultValues ?? {}) as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: schema ? zodResolver(schema) : undefined, defaultValues: initial });
  const ref = useRef<HTMLFormElement>(null);
  // The answer whose field errors react-hook-form holds; before that (first render, on the server
  // too), errors are read from the answer itself.
  const [synced, setSynced] = useState(0);

  useEffect(() => {
    if (state.n === 0) return;
    const result = state.result;
    if (result && !result.ok) {
      let first = true;
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (!messages[0] || name === "_form") continue;
        form.setError(name as Path<z.input<S>>, { type: "server", message: messages[0] }, { shouldFocus: first });
        first = false;
      }
    } else if (result?.ok) {
      onSuccess?.(state, form);
    }
    setSynced(state.n);
    // Only a new answer matters (state.n grows with each one).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.n]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Read the fields now: once the check starts the form is pending and its buttons disabled, and
    // a disabled submit button is left out of FormData (the pressed button's name and value, e.g.
    // « approve » or « refuse » a selection, would be lost).
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    void form.handleSubmit(() => {
      startTransition(() => dispatch(data));
    })(event);
  };

  /** The message to show under a field: the browser's check, or the server's last answer. */
  const error = (name: string): string | undefined => {
    const own = get(form.formState.errors, name) as { message?: string } | undefined;
    if (own?.message) return own.message;
    return synced === state.n ? undefined : serverFieldError(state, name);
  };

  const valueOf = (name: string): unknown => get(initial, name);
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

  return {
    form,
    /*
     * Registrations that also write the value into the HTML: react-hook-form fills inputs only once
     * hydrated, and a form posted before that (or without JavaScript) must send what it shows.
     */
    field: (name: Path<z.input<S>>) => ({ ...form.register(name), defaultValue: text(valueOf(name)) }),
    checkbox: (name: Path<z.input<S>>, value?: string) => {
      const current = valueOf(name);
      const checked = value === undefined ? current === true || current === "on" || current === "true" : Array.isArray(current) ? current.map(String).includes(value) : text(current) === value;
      return { ...form.register(name), ...(value === undefined ? {} : { value }), defaultChecked: checked };
    },
    radio: (name: Path<z.input<S>>, value: string) => ({ ...form.register(name), value, defaultChecked: text(valueOf(name)) === value }),
    state,
    pending: pending || form.formState.isSubmitting,
    error,
    /** Spread on the `<form>`: its action (a POST without JavaScript), the checks and the sending. */
    formProps: endpoint
      ? { ref, action: endpoint, method: "post" as const, onSubmit, noValidate: true }
      : { ref, action: dispatch, onSubmit, noValidate: true },
  };
}

export type { FormValues };
