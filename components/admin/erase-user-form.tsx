"use client";

import { dangerButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { userEraseSchema } from "@/lib/validation/admin";
import type { FormAction } from "@/server/form-action";
import { Checkbox, CheckboxError } from "./checkbox";
import { ReasonField } from "./reason-field";

/** An admin erases someone's account on their request: a required reason (journaled) and a ticked box. */
export function EraseUserForm<T>({ userId, action }: { userId: number; action: FormAction<T> }) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: userEraseSchema,
    defaultValues: { userId: String(userId), reason: "", understood: false },
  });
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Effacer le compte">
      <FormStatus state={state} returnTo={`/admin/utilisateurs/${userId}`} />
      <input type="hidden" {...field("userId")} />
      <p>
        À faire seulement à la demande de la personne (droit à l&apos;effacement). Son adresse, son nom, sa fonction, son mot de passe, ses
        conseils, ses brouillons, ses commentaires et ses notifications sont effacés ; ses contributions soumises ou publiées restent,
        signées « Ancien membre du conseil … » ; le journal garde les actions sous « personne supprimée n° … ». Cela ne peut pas être
        annulé.
      </p>
      <ReasonField id="effacement-raison" error={error("reason")} registration={field("reason")} />
      <Checkbox
        id="effacement-compris"
        label="J'ai compris : l'effacement est définitif."
        hint={error("understood") ? <CheckboxError error={error("understood")} /> : undefined}
        aria-invalid={error("understood") ? true : undefined}
        {...checkbox("understood")}
      />
      <div>
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Effacement…" : "Effacer définitivement le compte"}
        </button>
      </div>
    </form>
  );
}
