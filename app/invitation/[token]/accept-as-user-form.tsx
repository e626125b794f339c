"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage } from "@/components/form/field";
import { acceptInvitationAsUserAction } from "./actions";

/** « Accepter l'invitation » for the signed-in owner of the invited address. Works without JavaScript. */
export function AcceptAsUserForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAsUserAction.bind(null, token), null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-4">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Un instant…" : "Accepter l'invitation"}
      </button>
    </form>
  );
}
