"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormState } from "@/lib/form-state";
import { meetingMinutesSchema } from "@/lib/validation/meeting";

/** The compte rendu, after the meeting: plain text, published on the meeting's public page. */
export function MinutesForm<T>({
  meetingId,
  current,
  action,
  returnTo,
}: {
  meetingId: number;
  current: string | null;
  action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  returnTo: string;
}) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: meetingMinutesSchema,
    defaultValues: { meetingId: String(meetingId), minutes: current ?? "" },
  });
  const message = error("minutes");
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-4" aria-label="Compte rendu">
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" {...field("meetingId")} />
      <Field
        id="compte-rendu-texte"
        label="Compte rendu"
        hint="Texte simple : laissez une ligne vide entre deux paragraphes. Les adresses web deviennent des liens."
        error={message}
      >
        <textarea
          id="compte-rendu-texte"
          rows={10}
          className={inputClass}
          {...describedBy("compte-rendu-texte", true, message)}
          {...field("minutes")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : current ? "Corriger le compte rendu" : "Publier le compte rendu"}
        </button>
      </div>
    </form>
  );
}
