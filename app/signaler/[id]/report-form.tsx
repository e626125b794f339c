"use client";

import { useActionState } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { REPORT_REASON_MAX } from "@/lib/validation/contribution";
import { reportAction, type ReportState } from "./actions";

/** The reason of a report. Works without JavaScript; the typed text is kept on errors. */
export function ReportForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ReportState, FormData>(reportAction, null);
  const hint = `Dites en quelques mots ce qui pose problème (propos injurieux, données personnelles, hors sujet…), ${REPORT_REASON_MAX} caractères au plus. Seul·es les modérateur·rices de la Ville le liront.`;
  return (
    <form action={action} aria-label="Signaler cette contribution" className="flex max-w-2xl flex-col gap-4">
      {state && !state.fieldError ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <input type="hidden" name="id" value={id} />
      <Field id="signalement-raison" label="Raison du signalement" hint={hint} error={state?.fieldError}>
        <textarea
          key={state?.n ?? 0}
          id="signalement-raison"
          name="reason"
          rows={5}
          className={inputClass}
          defaultValue={state && !state.ok ? state.reason : ""}
          aria-required
          {...describedBy("signalement-raison", hint, state?.fieldError)}
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
