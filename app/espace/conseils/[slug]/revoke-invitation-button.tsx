"use client";

import { secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { revokeInvitationAction } from "./actions";

/** « Annuler l'invitation »: the link stops working at once, and the invitation leaves the list. */
export function RevokeInvitationButton({ invitationId, email, councilSlug }: { invitationId: number; email: string; councilSlug: string }) {
  const { state, pending, formAction, formProps } = useFormAction({ action: revokeInvitationAction });
  return (
    <form action={formAction} {...formProps} className="flex flex-col items-start gap-2" aria-label={`Annuler l'invitation de ${email}`}>
      <FormStatus state={state} errorsOnly returnTo={`/espace/conseils/${councilSlug}`} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <button type="submit" className={`${secondaryButtonClass} px-4`} disabled={pending}>
        {pending ? "Annulation…" : "Annuler l'invitation"}
        <span className="sr-only"> : {email}</span>
      </button>
    </form>
  );
}
