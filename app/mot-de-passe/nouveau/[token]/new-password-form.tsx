"use client";

import { buttonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { useFormAction } from "@/components/form/use-form-action";
import { passwordResetSchema } from "@/lib/validation/auth";
import { resetPasswordAction } from "./actions";

/**
 * The new password, typed twice. The link's token travels in a hidden field (the body of the
 * POST, never a query string). On success, the sign-in page (every other session is closed).
 */
export function NewPasswordForm({ token }: { token: string }) {
  const { form, state, pending, error, formAction, formProps } = useFormAction({
    action: resetPasswordAction,
    schema: passwordResetSchema,
    defaultValues: { password: "", confirmation: "" },
  });
  const expired = state.result?.ok === false && state.result.code === "TOKEN_INVALID";

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Changer de mot de passe">
      <FormStatus state={state} />
      {expired ? (
        <p>
          <a
            href="/mot-de-passe-oublie"
            className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4 hover:decoration-2"
          >
            Demander un nouveau lien
          </a>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={form.register("password")}
        confirmation={form.register("confirmation")}
        errors={{ password: error("password"), confirmation: error("confirmation") }}
      />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer le nouveau mot de passe"}
        </button>
      </div>
    </form>
  );
}
