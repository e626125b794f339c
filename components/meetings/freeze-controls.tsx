"use client";

import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormState } from "@/lib/form-state";

/**
 * « Figer les données » and « Revenir aux données en direct »: one form posted to a server
 * action (it works without JavaScript), each button sending its `intent`; the result is
 * announced (status or alert).
 */
export function FreezeControls<T>({
  meetingId,
  canFreeze,
  canUnfreeze,
  frozen,
  action,
  buttonClass,
  returnTo,
}: {
  meetingId: number;
  canFreeze: boolean;
  canUnfreeze: boolean;
  frozen: boolean;
  action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  buttonClass: string;
  /** The presentation page, to come back to after signing in again. */
  returnTo: string;
}) {
  const { state, pending, formAction, formProps } = useFormAction({ action });
  if (!canFreeze && !canUnfreeze) return null;
  return (
    <form action={formAction} {...formProps} aria-label="Données des diapositives" className="contents">
      <input type="hidden" name="meetingId" value={meetingId} />
      {canFreeze ? (
        <button type="submit" name="intent" value="freeze" className={buttonClass} disabled={pending}>
          {frozen ? "Figer à nouveau les données" : "Figer les données"}
        </button>
      ) : null}
      {canUnfreeze ? (
        <button type="submit" name="intent" value="unfreeze" className={buttonClass} disabled={pending}>
          Revenir aux données en direct
        </button>
      ) : null}
      {pending ? <span className="font-semibold">Enregistrement…</span> : <FormStatus state={state} returnTo={returnTo} />}
    </form>
  );
}
