"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validation/council";
import { acceptInvitationAction } from "./actions";

const nameHint =
  "Le nom que les autres membres verront, par exemple « Marie D. ». Il n'apparaît sur la page publique du conseil que si vous le choisissez.";

const fields = ["displayName", "password", "confirmation"] as const;

/**
 * The invited person chooses a display name and a password. Errors appear next to each field (and
 * what was typed stays); on success they are signed in at once and taken to their space.
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [failure, setFailure] = useState<{ message: string; signIn?: boolean } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { displayName: "", password: "", confirmation: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    let result;
    try {
      result = await acceptInvitationAction(token, values);
    } catch {
      setFailure({ message: "Votre réponse n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez." });
      return;
    }
    if (!result.ok) {
      const fieldErrors = result.fieldErrors ?? {};
      const inError = fields.filter((field) => fieldErrors[field]?.[0]);
      inError.forEach((field, i) => form.setError(field, { message: fieldErrors[field]![0] }, { shouldFocus: i === 0 }));
      if (inError.length === 0) setFailure({ message: result.message, signIn: result.code === "CONFLICT" });
      return;
    }
    setLeaving(true);
    const signedIn = await signIn("credentials", { redirect: false, email, password: values.password }).catch(() => null);
    if (signedIn?.ok) {
      window.location.assign("/espace?bienvenue=1");
      return;
    }
    // The account exists; only the automatic sign-in failed.
    window.location.assign("/connexion?callbackUrl=%2Fespace");
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="Créer mon compte">
      {failure ? (
        <FormMessage kind="error">
          {failure.message}
          {failure.signIn ? (
            <>
              {" "}
              <a href={`/connexion?callbackUrl=${encodeURIComponent(`/invitation/${token}`)}`} className="underline underline-offset-4">
                Se connecter
              </a>
            </>
          ) : null}
        </FormMessage>
      ) : null}

      <Field id="displayName" label="Votre nom, tel que les autres le verront" hint={nameHint} error={errors.displayName?.message}>
        <input
          id="displayName"
          type="text"
          autoComplete="name"
          className={inputClass}
          {...describedBy("displayName", nameHint, errors.displayName?.message)}
          {...form.register("displayName")}
        />
      </Field>

      <NewPasswordFields
        label="Choisissez un mot de passe"
        password={form.register("password")}
        confirmation={form.register("confirmation")}
        errors={{ password: errors.password?.message, confirmation: errors.confirmation?.message }}
      />

      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting || leaving}>
          {isSubmitting || leaving ? "Création du compte…" : "Créer mon compte et rejoindre"}
        </button>
      </div>
    </form>
  );
}
