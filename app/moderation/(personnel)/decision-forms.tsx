"use client";

import { buttonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { ReasonWithTemplate, type TemplateOption } from "@/components/moderation/reason-with-template";
import { approveSchema, rejectSchema } from "@/lib/validation/contribution";
import { approveAction, bulkAction, rejectAction } from "./actions";

/*
 * Approve or reject one item. Both post to their server action, also without JavaScript. `version`
 * is the text the moderator reads: if the council edits it meanwhile, the decision is refused.
 * The forms are named by their button and the item's heading (`file-<id>`).
 */
export function DecisionForms({
  id,
  filters,
  version,
  templates,
}: {
  id: number;
  filters: string;
  version: string;
  templates: TemplateOption[];
}) {
  const hidden = { id: String(id), version, filtres: filters };
  const approve = useFormAction({ action: approveAction, schema: approveSchema, defaultValues: hidden });
  const reject = useFormAction({ action: rejectAction, schema: rejectSchema, defaultValues: { ...hidden, templateId: "", reason: "" } });
  const busy = approve.pending || reject.pending;
  return (
    <div className="mt-4 flex flex-col gap-4 border-t border-slate-300 pt-4">
      <form
        action={approve.formAction}
        {...approve.formProps}
        aria-labelledby={`approuver-${id} file-${id}`}
        className="flex flex-col gap-2"
      >
        <FormStatus state={approve.state} returnTo="/moderation" />
        <input type="hidden" {...approve.field("id")} />
        <input type="hidden" {...approve.field("version")} />
        <input type="hidden" {...approve.field("filtres")} />
        <div>
          <button id={`approuver-${id}`} type="submit" className={buttonClass} disabled={busy} aria-describedby={`file-${id}`}>
            {approve.pending ? "Approbation…" : "Approuver et publier"}
          </button>
        </div>
      </form>
      <form action={reject.formAction} {...reject.formProps} aria-labelledby={`refuser-${id} file-${id}`} className="flex flex-col gap-2">
        <FormStatus state={reject.state} returnTo="/moderation" />
        <input type="hidden" {...reject.field("id")} />
        <input type="hidden" {...reject.field("version")} />
        <input type="hidden" {...reject.field("filtres")} />
        <ReasonWithTemplate
          idPrefix={`refus-${id}`}
          label="Raison du refus (le conseil la lira, le public jamais)"
          templates={templates}
          reasonField={reject.field("reason")}
          templateField={reject.field("templateId")}
          setReason={(text) => reject.form.setValue("reason", text, { shouldDirty: true })}
          error={reject.error("reason")}
          templateError={reject.error("templateId")}
        />
        <div>
          <button id={`refuser-${id}`} type="submit" className={secondaryButtonClass} disabled={busy} aria-describedby={`file-${id}`}>
            {reject.pending ? "Refus…" : "Refuser avec cette raison"}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * « Approuver la sélection » / « Refuser la sélection »: the checkboxes of the items belong to this
 * form (their `form` attribute), and the decision is the button pressed. Neither is a field
 * react-hook-form holds, so the browser does not check this form: the server does (the schema),
 * and a refused attempt keeps the ticked items (with JavaScript, nothing resets the page).
 */
export function BulkDecisionForm({ formId, filters, templates }: { formId: string; filters: string; templates: TemplateOption[] }) {
  const { form, field, state, pending, error, formAction, formProps } = useFormAction({
    action: bulkAction,
    defaultValues: { filtres: filters, templateId: "", reason: "" },
  });
  const idsError = error("ids");
  return (
    <form
      id={formId}
      action={formAction}
      {...formProps}
      aria-labelledby={`${formId}-titre`}
      aria-describedby={idsError ? `${formId}-ids-erreur` : undefined}
      className="mt-6 flex flex-col gap-3 rounded-lg border-2 border-blue-900 bg-blue-50 p-4"
    >
      <h3 id={`${formId}-titre`} className="text-lg font-bold">
        Décider plusieurs contributions à la fois
      </h3>
      <p>
        Cochez les contributions dans la liste ci-dessous, puis approuvez-les ou refusez-les ensemble. Chacune n&apos;est décidée
        qu&apos;une fois.
      </p>
      <FormStatus state={state} returnTo="/moderation" />
      {idsError ? (
        <p id={`${formId}-ids-erreur`} className="font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {idsError}
        </p>
      ) : null}
      <input type="hidden" {...field("filtres")} />
      <ReasonWithTemplate
        idPrefix="selection"
        label="Raison commune, pour refuser la sélection (le conseil la lira, le public jamais)"
        templates={templates}
        reasonField={field("reason")}
        templateField={field("templateId")}
        setReason={(text) => form.setValue("reason", text, { shouldDirty: true })}
        error={error("reason")}
        templateError={error("templateId")}
        required={false}
      />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="published" className={buttonClass} disabled={pending}>
          Approuver la sélection
        </button>
        <button type="submit" name="decision" value="rejected" className={secondaryButtonClass} disabled={pending}>
          Refuser la sélection
        </button>
      </div>
    </form>
  );
}
