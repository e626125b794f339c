"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { councilInvitationSchema } from "@/lib/validation/council";
import type { FormAction } from "@/server/form-action";

const emailHint = "La personne recevra un courriel avec un lien, valable 7 jours, pour choisir son nom et son mot de passe.";

const roles = [
  ["member", "Membre", "donne des avis et fait des propositions avec le conseil"],
  ["referent", "Référent·e", "en plus, gère la liste des membres et les invitations"],
] as const;

/**
 * A referent (or an admin) invites someone by email, as member or referent. `role` is the choice
 * made beforehand: referent for a council that has none yet.
 */
export function InviteMemberForm<T>({
  councilId,
  returnTo,
  action,
  role = "member",
}: {
  councilId: number;
  returnTo: string;
  action: FormAction<T>;
  role?: "member" | "referent";
}) {
  const empty = { councilId: String(councilId), email: "", role };
  const { field, radio, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: councilInvitationSchema,
    defaultValues: empty,
    // Sent: the form is ready for the next person.
    onSuccess: (_state, form) => form.reset(empty),
  });
  const emailError = error("email");
  const roleError = error("role");

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Inviter une personne">
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" {...field("councilId")} />
      <Field id="invitation-email" label="Adresse électronique de la personne" hint={emailHint} error={emailError}>
        <input
          id="invitation-email"
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("invitation-email", emailHint, emailError)}
          {...field("email")}
        />
      </Field>
      <fieldset className="flex flex-col gap-2" aria-describedby={roleError ? "invitation-role-erreur" : undefined}>
        <legend className="mb-1 font-semibold text-slate-900">Son rôle dans le conseil</legend>
        {roles.map(([value, label, detail]) => (
          <label key={value} className="flex min-h-11 items-start gap-3 py-1">
            <input
              type="radio"
              className="mt-0.5 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
              {...radio("role", value)}
            />
            <span>
              <span className="font-semibold">{label}</span> : {detail}
            </span>
          </label>
        ))}
        {roleError ? (
          <p id="invitation-role-erreur" className="text-sm font-semibold text-red-800">
            {roleError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Envoi…" : "Envoyer l'invitation"}
        </button>
      </div>
    </form>
  );
}
