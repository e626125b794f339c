"use client";

import { buttonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormAction } from "@/server/form-action";
import { revokeAllSessionsAction, signOutAction } from "./actions";

/** One button posting to a server action (works without JavaScript); the page it leads to says the rest. */
function SignOutButtonForm<T>({
  action,
  label,
  pendingLabel,
  primary,
}: {
  action: FormAction<T>;
  label: string;
  pendingLabel: string;
  primary: boolean;
}) {
  const { state, pending, formAction, formProps } = useFormAction({ action });
  return (
    <form action={formAction} {...formProps} className="flex flex-col items-start gap-4" aria-label={label}>
      <FormStatus state={state} errorsOnly returnTo="/deconnexion" />
      <button type="submit" className={primary ? buttonClass : secondaryButtonClass} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}

/** « Se déconnecter » (this browser): the session ends on the server too. */
export const SignOutForm = () => <SignOutButtonForm action={signOutAction} label="Se déconnecter" pendingLabel="Déconnexion…" primary />;

/** « Se déconnecter de tous les appareils ». */
export const RevokeAllSessionsForm = () => (
  <SignOutButtonForm
    action={revokeAllSessionsAction}
    label="Se déconnecter de tous les appareils"
    pendingLabel="Déconnexion de tous les appareils…"
    primary={false}
  />
);
