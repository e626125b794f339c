"use client";

import { useActionState } from "react";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { REJECTION_REASON_MAX, TEMPLATE_LABEL_MAX } from "@/lib/validation/contribution";
import { StateMessage } from "@/components/moderation/state-message";
import { archiveTemplateAction, saveTemplateAction, type TemplateFormState } from "./actions";

/** Create (no `template`) or edit a reason template. Works without JavaScript; typed text kept on errors. */
export function TemplateForm({ template }: { template?: { id: number; label: string; body: string } }) {
  const [state, action, pending] = useActionState<TemplateFormState, FormData>(saveTemplateAction, null);
  const prefix = template ? `motif-${template.id}` : "nouveau-motif";
  // After a successful creation the form is emptied; otherwise it shows what was typed.
  const values = state?.values ?? (template ? { label: template.label, body: template.body } : { label: "", body: "" });
  const labelHint = `Pour le choisir dans la liste, ${TEMPLATE_LABEL_MAX} caractères au plus.`;
  const bodyHint = `Le texte placé dans la raison, ${REJECTION_REASON_MAX} caractères au plus. Le conseil le lira.`;
  return (
    <form action={action} aria-label={template ? `Modifier le motif ${template.label}` : "Nouveau motif"} className="flex flex-col gap-4">
      <StateMessage state={state} />
      {template ? <input type="hidden" name="id" value={template.id} /> : null}
      <div key={`${state?.n ?? 0}`} className="flex flex-col gap-4">
        <Field id={`${prefix}-nom`} label="Nom du motif" hint={labelHint} error={state?.errors?.label}>
          <input
            id={`${prefix}-nom`}
            name="label"
            type="text"
            className={inputClass}
            defaultValue={values.label}
            aria-required
            {...describedBy(`${prefix}-nom`, labelHint, state?.errors?.label)}
          />
        </Field>
        <Field id={`${prefix}-texte`} label="Texte du motif" hint={bodyHint} error={state?.errors?.body}>
          <textarea
            id={`${prefix}-texte`}
            name="body"
            rows={3}
            className={inputClass}
            defaultValue={values.body}
            aria-required
            {...describedBy(`${prefix}-texte`, bodyHint, state?.errors?.body)}
          />
        </Field>
      </div>
      <div>
        <button type="submit" className={template ? secondaryButtonClass : buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : template ? "Enregistrer les modifications" : "Créer le motif"}
        </button>
      </div>
    </form>
  );
}

export function ArchiveTemplateForm({ id, label, archived }: { id: number; label: string; archived: boolean }) {
  const [state, action, pending] = useActionState<TemplateFormState, FormData>(archiveTemplateAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <StateMessage state={state} errorsOnly />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {archived ? "Proposer de nouveau" : "Archiver"}
          <span className="sr-only"> le motif {label}</span>
        </button>
      </div>
    </form>
  );
}
