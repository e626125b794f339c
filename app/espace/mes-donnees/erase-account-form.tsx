"use client";

import { useLayoutEffect } from "react";
import { Checkbox, CheckboxError } from "@/components/admin/checkbox";
import { describedBy, dangerButtonClass, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { eraseOwnAccountSchema } from "@/lib/validation/account";
import { eraseOwnAccountAction } from "./actions";

/** « Supprimer mon compte »: a ticked box and the password, on a plain POST (works without JavaScript). */
export function EraseAccountForm() {
  const { form, checkbox, state, focusNow, pending, error, formAction, formProps } = useFormAction({
    action: eraseOwnAccountAction,
    schema: eraseOwnAccountSchema,
    defaultValues: { password: "", understood: false },
  });
  // A refused password is emptied and gets the focus, as on the sign-in page — in the commit that
  // shows the refusal, not a moment later over what is typed again.
  useLayoutEffect(() => {
    if (state.result && !state.result.ok && state.result.fieldErrors?.password) {
      form.setValue("password", "");
      focusNow("password");
    }
    // Each new answer (state), once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, form]);

  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Supprimer mon compte">
      <FormStatus state={state} errorsOnly returnTo="/espace/mes-donnees" />
      <Checkbox
        id="suppression-compris"
        label="J'ai compris : mon compte et mes données personnelles seront effacés, et cela ne pourra pas être annulé."
        hint={error("understood") ? <CheckboxError error={error("understood")} /> : undefined}
        aria-invalid={error("understood") ? true : undefined}
        {...checkbox("understood")}
      />
      <Field id="suppression-mot-de-passe" label="Votre mot de passe, pour confirmer" error={error("password")}>
        <input
          id="suppression-mot-de-passe"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("suppression-mot-de-passe", null, error("password"))}
          {...form.register("password")}
        />
      </Field>
      <div>
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Suppression…" : "Supprimer définitivement mon compte"}
        </button>
      </div>
    </form>
  );
}
