"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { get, set, useForm, type DefaultValues, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { fail } from "@/lib/action-result";
import type { FormValues } from "@/lib/form-data";
import { idleFormState, serverFieldError, type FormState } from "@/lib/form-state";
import { typedBeforeHydration, typedWhileHydrating, watchTypingWhileHydrating } from "./typed-before-hydration";

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

const connectionLost = () =>
  fail(
    "UNEXPECTED",
    "La connexion avec le serveur a échoué. Vérifiez votre connexion à Internet, puis réessayez : ce que vous avez écrit est conservé.",
  );

/** Next's redirect and not-found travel as errors with a digest: they are not failures. */
const isFrameworkSignal = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  typeof (error as { digest?: unknown }).digest === "string" &&
  /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test((error as { digest: string }).digest);

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

const noSubscription = () => () => {};

/** True while React hydrates server HTML (it then reads the server snapshot), false in a client-only render. */
const useHydrating = () =>
  !useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

function withTyped<V>(values: V, typed: [string, unknown][]): V {
  const merged = structuredClone(values) as Record<string, unknown>;
  for (const [name, value] of typed) set(merged, name, value);
  return merged as V;
}

export function useFormAction<S extends FormSchema, T = unknown>({
  action,
  endpoint,
  schema,
  defaultValues,
  onSuccess,
}: UseFormActionOptions<S, T>) {
  // The answer to a post made by the browser itself (before hydration, or without JavaScript):
  // the server renders the page with it. `dispatch` is what makes React render the form as a POST.
  const [posted, dispatch] = useActionState<FormState<T>, FormData>(action, idleFormState);
  // The answer to a submission sent by this hook once hydrated.
  const [sent, setSent] = useState<FormState<T> | null>(null);
  const [sending, startSending] = useTransition();
  // A redirect asked by the server arrives as an error: thrown while rendering, Next's redirect
  // boundary turns it into the navigation (as useActionState does with the form's own post).
  const [signal, setSignal] = useState<unknown>(null);
  const state = sent && sent.n >= posted.n ? sent : posted;
  const pending = sending;
  // After a refusal rendered by the server (no JavaScript), the values typed come back in the
  // state: they are the form's values then (an unticked box is absent from them, as it should be).
  // While hydrating, what was typed in the server's HTML meanwhile wins over the defaults: it is
  // what react-hook-form will write back into the fields when it registers them.
  const formKey = useId();
  const hydrating = useHydrating();
  const [typed] = useState(() => {
    const element =
      hydrating && typeof document !== "undefined" ? document.querySelector(`form[data-form="${CSS.escape(formKey)}"]`) : null;
    if (!element || !(element instanceof HTMLFormElement)) return [];
    watchTypingWhileHydrating(element);
    return typedBeforeHydration(element);
  });
  // (The HTML keeps the server's values — `initial` — so that hydration finds what the server wrote.)
  const initial = (state.values ?? defaultValues ?? {}) as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: schema ? zodResolver(schema) : undefined,
    defaultValues: typed.length === 0 ? initial : withTyped(initial, typed),
  });
  const ref = useRef<HTMLFormElement>(null);
  // Hydration's commit: the fields are registered (refs are set before their form's layout
  // effects), so what was typed since the render above goes back into them and into the values.
  useLayoutEffect(() => {
    if (!ref.current) return;
    for (const [name, value] of typedWhileHydrating(ref.current) ?? []) {
      form.setValue(name as Path<z.input<S>>, value as PathValue<z.input<S>, Path<z.input<S>>>);
    }
    // Once, at hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The answer whose field errors react-hook-form holds; before that (first render, on the server
  // too), errors are read from the answer itself.
  const [synced, setSynced] = useState(0);

  // A layout effect, in the commit that shows the answer: as a passive effect it ran a moment after
  // the messages were on screen (later still on a busy phone), and its focus on the first field in
  // error took the caret from the field the person had already gone on typing in — the invitation's
  // password was typed twice into one field (seen in a browser test under load).
  useLayoutEffect(() => {
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
    // Read the form now: while it is checked, `pending` disables its buttons, and a disabled
    // submitter's name and value (`intent=…` of a two-button form) would be left out.
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    void form.handleSubmit(() => {
      const previous = state;
      startSending(async () => {
        try {
          const next = await action(previous, data);
          startSending(() => setSent(next));
        } catch (error) {
          // Anything but a redirect is the network (or the server) failing: say so, keep what was typed.
          if (isFrameworkSignal(error)) startSending(() => setSignal(error));
          else startSending(() => setSent({ n: previous.n + 1, result: connectionLost() }));
        }
      });
    })(event);
  };

  /** The message to show under a field: the browser's check, or the server's last answer. */
  const error = (name: string): string | undefined => {
    const own = get(form.formState.errors, name) as { message?: string } | undefined;
    if (own?.message) return own.message;
    return synced === state.n ? undefined : serverFieldError(state, name);
  };

  /**
   * Puts the focus on a field of this form now, in the commit that calls it: react-hook-form's
   * `setFocus` waits for a timer, and what the person types meanwhile goes to the field they were in.
   */
  const focusNow = (name: Path<z.input<S>>) => {
    const element = ref.current?.elements.namedItem(name);
    if (element instanceof HTMLElement) element.focus();
  };

  if (signal) throw signal;
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
      const checked =
        value === undefined
          ? current === true || current === "on" || current === "true"
          : Array.isArray(current)
            ? current.map(String).includes(value)
            : text(current) === value;
      return { ...form.register(name), ...(value === undefined ? {} : { value }), defaultChecked: checked };
    },
    radio: (name: Path<z.input<S>>, value: string) => ({ ...form.register(name), value, defaultChecked: text(valueOf(name)) === value }),
    state,
    focusNow,
    pending: pending || form.formState.isSubmitting,
    error,
    /**
     * The `<form>`'s action, written on the tag (`<form action={formAction} {...formProps}>`): the
     * server action (React makes it a POST that works before hydration and without JavaScript), or
     * the endpoint's address. Never absent: a form without one is sent as a GET with its fields.
     */
    formAction: endpoint ?? dispatch,
    /** Spread on the `<form>`: the checks and the sending once hydrated (and `method="post"` for an endpoint). */
    formProps: endpoint
      ? { ref, method: "post" as const, onSubmit, noValidate: true, "data-form": formKey }
      : { ref, onSubmit, noValidate: true, "data-form": formKey },
  };
}

export type { FormValues };
