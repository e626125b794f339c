"use client";

import { secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { markAllReadAction } from "./actions";

/** « Tout marquer comme lu »: one button; the list comes back with the notice. */
export function MarkAllReadForm() {
  const { state, pending, formAction, formProps } = useFormAction({ action: markAllReadAction });
  return (
    <form action={formAction} {...formProps} className="flex flex-col items-start gap-3" aria-label="Tout marquer comme lu">
      <FormStatus state={state} errorsOnly returnTo="/espace/notifications" />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Un instant…" : "Tout marquer comme lu"}
      </button>
    </form>
  );
}
