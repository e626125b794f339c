"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { councilInvitationSchema, type CouncilInvitationInput } from "@/lib/validation/council";
import { inviteMemberAction } from "./actions";

const emailHint = "La personne recevra un courriel avec un lien, valable 7 jours, pour choisir son nom et son mot de passe.";

/** A referent invites someone by email, as member or referent. */
export function InviteForm({ councilId }: { councilId: number }) {
  const [outcome, setOutcome] = useState<{ kind: "success" | "error"; message: string; n: number } | null>(null);
  const form = useForm<CouncilInvitationInput>({
    resolver: zodResolver(councilInvitationSchema),
    defaultValues: { email: "", role: "member" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const result = await inviteMemberAction(councilId, values);
      if (result.ok) {
        form.reset({ email: "", role: "member" });
        setOutcome((o) => ({ kind: "success", message: result.message ?? `Invitation envoyée à ${result.data.email}.`, n: (o?.n ?? 0) + 1 }));
        return;
      }
      const emailError = result.fieldErrors?.email?.[0];
      if (emailError) form.setError("email", { message: emailError }, { shouldFocus: true });
      else setOutcome((o) => ({ kind: "error", message: result.message, n: (o?.n ?? 0) + 1 }));
    } catch {
      setOutcome((o) => ({ kind: "error", message: "L'invitation n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez.", n: (o?.n ?? 0) + 1 }));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="Inviter une personne">
      {outcome ? (
        <div key={outcome.n}>
          <FormMessage kind={outcome.kind}>{outcome.message}</FormMessage>
        </div>
      ) : null}
      <Field id="invitation-email" label="Adresse électronique de la personne" hint={emailHint} error={errors.email?.message}>
        <input
          id="invitation-email"
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("invitation-email", emailHint, errors.email?.message)}
          {...form.register("email")}
        />
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold text-slate-900">Son rôle dans le conseil</legend>
        {(
          [
            ["member", "Membre", "donne des avis et fait des propositions avec le conseil"],
            ["referent", "Référent·e", "en plus, gère la liste des membres et les invitations"],
          ] as const
        ).map(([value, label, detail]) => (
          <label key={value} className="flex min-h-11 items-start gap-3 py-1">
            <input
              type="radio"
              value={value}
              className="mt-0.5 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
              {...form.register("role")}
            />
            <span>
              <span className="font-semibold">{label}</span> : {detail}
            </span>
          </label>
        ))}
        {errors.role?.message ? <p className="text-sm font-semibold text-red-800">{errors.role.message}</p> : null}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Envoi…" : "Envoyer l'invitation"}
        </button>
      </div>
    </form>
  );
}
