"use client";

import { signOut } from "next-auth/react";
import { useActionState, useState } from "react";
import { buttonClass, FormMessage, secondaryButtonClass } from "@/components/form/field";
import { revokeAllSessionsAction } from "./actions";

/** « Se déconnecter » (this browser, through next-auth). */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/deconnexion?etat=deconnecte" });
      }}
    >
      {pending ? "Déconnexion…" : "Se déconnecter"}
    </button>
  );
}

/** « Se déconnecter de tous les appareils »: a form posting to a server action (works without JavaScript). */
export function RevokeAllSessionsForm() {
  const [state, formAction, pending] = useActionState(revokeAllSessionsAction, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-4">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Déconnexion de tous les appareils…" : "Se déconnecter de tous les appareils"}
      </button>
    </form>
  );
}
