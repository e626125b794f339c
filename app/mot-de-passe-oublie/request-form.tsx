"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { passwordResetRequestSchema, type PasswordResetRequestInput } from "@/lib/validation/auth";
import { requestPasswordResetAction } from "./actions";

/** Asks for a reset link. Whatever the address, the same confirmation is shown. */
export function PasswordResetRequestForm() {
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PasswordResetRequestInput>({
    resolver: zodResolver(passwordResetRequestSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const confirmation = useRef<HTMLDivElement>(null);
  // The form disappears with the focused button: move the focus to the confirmation.
  useEffect(() => {
    if (done !== null) confirmation.current?.focus();
  }, [done]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await requestPasswordResetAction(values);
      if (result.ok) {
        setDone(result.message ?? "");
        return;
      }
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "email" && messages[0]) form.setError("email", { message: messages[0] }, { shouldFocus: true });
      }
      setFailure(result.message);
    } catch {
      setFailure("La demande n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez.");
    }
  });

  if (done !== null) {
    return (
      <div ref={confirmation} tabIndex={-1} className="focus-visible:outline-3 focus-visible:outline-offset-2">
        <FormMessage kind="success">{done}</FormMessage>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      {failure ? <FormMessage kind="error">{failure}</FormMessage> : null}
      <Field
        id="email"
        label="Adresse électronique de votre compte"
        hint="Nous y enverrons un lien pour choisir un nouveau mot de passe."
        error={errors.email?.message}
      >
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("email", true, errors.email?.message)}
          {...form.register("email")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Envoi en cours…" : "Recevoir un lien"}
        </button>
      </div>
    </form>
  );
}
