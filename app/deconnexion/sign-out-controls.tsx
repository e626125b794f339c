"use client";

import { buttonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { revokeAllSessionsAction, signOutAction } from "./actions";

/** « Se déconnecter » (this browser): the session ends on the server too. */
export function SignOutForm() {
  const { state, pending, formProps } = useFormAction({ action: signOutAction });
  return (
    <form {...formProps} className="flex flex-col items-start gap-4" aria-label="Se déconnecter">
      <FormStatus state={state} errorsOnly returnTo="/deconnexion" />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Déconnexion…" : "Se déconnecter"}
      </button>
    </form>
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
