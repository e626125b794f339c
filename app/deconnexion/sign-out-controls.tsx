"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
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
  const { state, pending, formProps } = useFormAction({ action: revokeAllSessionsAction });
  return (
    <form {...formProps} className="flex flex-col items-start gap-4" aria-label="Se déconnecter de tous les appareils">
      <FormStatus state={state} errorsOnly returnTo="/deconnexion" />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Déconnexion de tous les appareils…" : "Se déconnecter de tous les appareils"}
      </button>
    </form>
  );
}
