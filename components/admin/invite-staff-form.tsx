"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { inviteStaffSchema } from "@/lib/validation/admin";
import { Checkbox } from "./checkbox";
import { callAction, showServerFieldErrors } from "./form-helpers";

type Input = z.input<typeof inviteStaffSchema>;
type Output = z.output<typeof inviteStaffSchema>;

const empty: Input = { email: "", moderator: false, official: false, admin: false };

/** Invite a member of staff or an official. The typed address stays on error; the form empties on success. */
export function InviteStaffForm({ action }: { action: (input: Output) => Promise<ActionResult<{ email: string }>> }) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(inviteStaffSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const rolesError = (errors as { roles?: { message?: string } }).roles?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => action(values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset(empty);
      setMessage({ kind: "success", text: result.message ?? "Invitation envoyée.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="Inviter une personne de la Ville">
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}

      <Field id="invitation-email" label="Adresse électronique" hint="La personne recevra un lien, valable 7 jours, pour choisir son nom et son mot de passe." error={errors.email?.message}>
        <input
          id="invitation-email"
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("invitation-email", true, errors.email?.message)}
          {...form.register("email")}
        />
      </Field>

      <fieldset aria-describedby={rolesError ? "invitation-roles-erreur" : undefined}>
        <legend className="font-semibold text-slate-900">Rôles à donner</legend>
        <div className="mt-2 flex flex-col gap-1">
          <Checkbox id="invitation-moderator" label="Modération" hint="Relit les contributions des conseils, répond au nom de la Ville." {...form.register("moderator")} />
          <Checkbox id="invitation-official" label="Élu·e" hint="Publie des points d'étape, présente en réunion publique." {...form.register("official")} />
          <Checkbox id="invitation-admin" label="Administration" hint="Gère les utilisateurs, les rôles et les conseils de quartier." {...form.register("admin")} />
        </div>
        {rolesError ? (
          <p id="invitation-roles-erreur" className="mt-1 text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {rolesError}
          </p>
        ) : null}
      </fieldset>

      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Envoi en cours…" : "Envoyer l'invitation"}
        </button>
      </div>
    </form>
  );
}
