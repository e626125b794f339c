"use client";

import { dangerButtonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormState } from "@/lib/form-state";

/**
 * Deleting a meeting that has not taken place (cancelled, or announced by mistake). The
 * confirmation opens in a <details>, so it works without JavaScript; on success the server takes
 * us back to the list of meetings, which says it is gone.
 */
export function DeleteMeetingForm<T>({
  meetingId,
  title,
  action,
  returnTo,
}: {
  meetingId: number;
  title: string;
  action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  returnTo: string;
}) {
  const { state, pending, formAction, formProps } = useFormAction({ action });
  return (
    <details className="group">
      <summary className={`${secondaryButtonClass} cursor-pointer list-none group-open:mb-3 [&::-webkit-details-marker]:hidden`}>
        Supprimer la réunion
      </summary>
      <form action={formAction} {...formProps} aria-label="Supprimer la réunion" className="flex flex-col items-start gap-3">
        <FormStatus state={state} returnTo={returnTo} />
        <input type="hidden" name="meetingId" value={meetingId} />
        <p>
          La réunion « {title} » ne sera plus annoncée sur le site, et son ordre du jour et ses diapositives seront effacés. Le journal
          garde qu&apos;elle a été supprimée. Pensez à prévenir les conseils de quartier.
        </p>
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Suppression…" : "Oui, supprimer la réunion"}
        </button>
      </form>
    </details>
  );
}
