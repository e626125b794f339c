"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { passwordResetSchema, type PasswordResetInput } from "@/lib/validation/auth";
import { resetPasswordAction } from "./actions";


/** The new password, typed twice. On success, the sign-in page (every other session is closed). */
export function NewPasswordForm({ token }: { token: string }) {
  const [failure, setFailure] = useState<{ message: string; expired: boolean } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<PasswordResetInput>({
    resolver: zodResolver(passwordResetSchema),
    defaultValues: { password: "", confirmation: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await resetPasswordAction(token, values);
      if (result.ok) {
        setLeaving(true);
        window.location.assign("/connexion?motDePasse=change");
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      const fields = (["password", "confirmation"] as const).filter((field) => fieldErrors[field]?.[0]);
      fields.forEach((field, i) => form.setError(field, { message: fieldErrors[field]![0] }, { shouldFocus: i === 0 }));
      if (fields.length === 0) setFailure({ message: result.message, expired: result.code === "TOKEN_INVALID" });
    } catch {
      setFailure({ message: "Le mot de passe n'a pas pu être envoyé. Vérifiez votre connexion à Internet, puis réessayez.", expired: false });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      {failure ? (
        <FormMessage kind="error">
          {failure.message}
          {failure.expired ? (
            <>
              {" "}
              <a href="/mot-de-passe-oublie" className="underline underline-offset-4">
                Demander un nouveau lien
              </a>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={form.register("password")}
        confirmation={form.register("confirmation")}
        errors={{ password: errors.password?.message, confirmation: errors.confirmation?.message }}
      />
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting || leaving}>
          {isSubmitting || leaving ? "Enregistrement…" : "Enregistrer le nouveau mot de passe"}
        </button>
      </div>
    </form>
  );
}
