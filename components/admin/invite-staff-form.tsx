"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { inviteStaffSchema, type InviteStaffInput } from "@/lib/validation/admin";
import type { FormAction } from "@/server/form-action";
import { Checkbox } from "./checkbox";

const empty: InviteStaffInput = { email: "", moderator: false, official: false, admin: false, title: "" };

/** Invite a member of staff or an official. The typed address stays on error; the form empties on success. */
export function InviteStaffForm<T>({ action }: { action: FormAction<T> }) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: inviteStaffSchema,
    defaultValues: empty,
    onSuccess: (_, form) => form.reset(empty),
  });
  const emailError = error("email");
  // Not a field of its own: the message of the three boxes together.
  const rolesError = error("roles");

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Inviter une personne de la Ville">
      <FormStatus state={state} returnTo="/admin/utilisateurs#inviter" />

      <Field
        id="invitation-email"
        label="Adresse électronique"
        hint="La personne recevra un lien, valable 7 jours, pour choisir son nom et son mot de passe."
        error={emailError}
      >
        <input
          id="invitation-email"
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("invitation-email", true, emailError)}
          {...field("email")}
        />
      </Field>

      <fieldset aria-describedby={rolesError ? "invitation-roles-erreur" : undefined}>
        <legend className="font-semibold text-slate-900">Rôles à donner</legend>
        <div className="mt-2 flex flex-col gap-1">
          <Checkbox
            id="invitation-moderator"
            label="Modération"
            hint="Relit les contributions des conseils, répond au nom de la Ville."
            {...checkbox("moderator")}
          />
          <Checkbox
            id="invitation-official"
            label="Élu·e"
            hint="Publie des points d'étape, présente en réunion publique."
            {...checkbox("official")}
          />
          <Checkbox
            id="invitation-admin"
            label="Administration"
            hint="Gère les utilisateurs, les rôles et les conseils de quartier."
            {...checkbox("admin")}
          />
        </div>
        {rolesError ? (
          <p id="invitation-roles-erreur" className="mt-1 text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {rolesError}
          </p>
        ) : null}
      </fieldset>

      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Envoi en cours…" : "Envoyer l'invitation"}
        </button>
      </div>
    </form>
  );
}
