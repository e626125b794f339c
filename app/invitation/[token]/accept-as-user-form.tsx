"use client";

import { buttonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { acceptInvitationAsUserAction } from "./actions";

/** « Accepter l'invitation » for the signed-in owner of the invited address. Works without JavaScript. */
export function AcceptAsUserForm({ token }: { token: string }) {
  const { state, pending, formAction, formProps } = useFormAction({ action: acceptInvitationAsUserAction });
  return (
    <form action={formAction} {...formProps} className="flex flex-col items-start gap-4" aria-label="Accepter l'invitation">
      <FormStatus state={state} errorsOnly returnTo={`/invitation/${token}`} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Un instant…" : "Accepter l'invitation"}
      </button>
    </form>
  );
}
