"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { REPORT_REASON_MAX, reportSchema } from "@/lib/validation/contribution";
import { reportAction } from "./actions";

const hint = `Dites en quelques mots ce qui pose problème (propos injurieux, données personnelles, hors sujet…), ${REPORT_REASON_MAX} caractères au plus. Seule l'équipe de modération de la Ville le lira.`;

/** The reason of a report. Works without JavaScript; the typed text is kept on errors. */
export function ReportForm({ id }: { id: number }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: reportAction,
    schema: reportSchema,
    defaultValues: { id: String(id), reason: "" },
  });
  const reasonError = error("reason");
  return (
    <form action={formAction} {...formProps} aria-label="Signaler cette contribution" className="flex max-w-2xl flex-col gap-4">
      <FormStatus state={state} returnTo={`/signaler/${id}`} />
      <input type="hidden" {...field("id")} />
      <Field id="signalement-raison" label="Raison du signalement" hint={hint} error={reasonError}>
        <textarea
          id="signalement-raison"
          rows={5}
          className={inputClass}
          aria-required
          {...describedBy("signalement-raison", hint, reasonError)}
          {...field("reason")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Envoi…" : "Envoyer le signalement"}
        </button>
      </div>
    </form>
  );
}
