"use client";

import { useEffect, useRef } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { passwordResetRequestSchema } from "@/lib/validation/auth";
import { requestPasswordResetAction } from "./actions";

/** Asks for a reset link. Whatever the address, the same confirmation is shown. */
export function PasswordResetRequestForm() {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: requestPasswordResetAction,
    schema: passwordResetRequestSchema,
    defaultValues: { email: "" },
  });
  const done = state.result?.ok ? (state.result.message ?? "") : null;
  const confirmation = useRef<HTMLDivElement>(null);
  // The form disappears with the focused button: move the focus to the confirmation.
  useEffect(() => {
    if (done !== null) confirmation.current?.focus();
  }, [done, state.n]);

  if (done !== null) {
    return (
      <div ref={confirmation} tabIndex={-1} className="focus-visible:outline-3 focus-visible:outline-offset-2">
        <FormMessage kind="success">{done}</FormMessage>
      </div>
    );
  }

  const message = error("email");
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Mot de passe oublié">
      <FormStatus state={state} />
      <Field
        id="email"
        label="Adresse électronique de votre compte"
        hint="Nous y enverrons un lien pour choisir un nouveau mot de passe."
        error={message}
      >
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("email", true, message)}
          {...field("email")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Envoi en cours…" : "Recevoir un lien"}
        </button>
      </div>
    </form>
  );
}
