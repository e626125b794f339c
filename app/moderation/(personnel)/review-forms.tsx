"use client";

import { secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { ReasonWithTemplate, type TemplateOption } from "@/components/moderation/reason-with-template";
import { hideSchema, keepSchema } from "@/lib/validation/contribution";
import { hideAction, keepAction } from "./actions";

const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/**
 * « Masquer » a published or reported item, with a required reason (template + free text). Works
 * without JavaScript. Named by its button and the item's heading.
 */
export function HideForm({
  id,
  headingId,
  from,
  filters = "",
  templates,
}: {
  id: number;
  headingId: string;
  from: "publiees" | "signalements";
  filters?: string;
  templates: TemplateOption[];
}) {
  const returnTo = from === "signalements" ? "/moderation/signalements" : "/moderation/publiees";
  const { form, field, state, pending, error, formAction, formProps } = useFormAction({
    action: hideAction,
    schema: hideSchema,
    defaultValues: { id: String(id), fromReports: from === "signalements" ? "true" : "", filtres: filters, templateId: "", reason: "" },
  });
  return (
    <form
      action={formAction}
      {...formProps}
      aria-labelledby={`masquer-${id}-bouton ${headingId}`}
      className="mt-4 flex flex-col gap-2 border-t border-slate-300 pt-4"
    >
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" {...field("id")} />
      <input type="hidden" {...field("fromReports")} />
      <input type="hidden" {...field("filtres")} />
      <ReasonWithTemplate
        idPrefix={`masquer-${id}`}
        label="Raison du masquage (inscrite au journal ; le conseil la lira, le public jamais)"
        templates={templates}
        reasonField={field("reason")}
        templateField={field("templateId")}
        setReason={(text) => form.setValue("reason", text, { shouldDirty: true })}
        error={error("reason")}
        templateError={error("templateId")}
      />
      <div>
        <button id={`masquer-${id}-bouton`} type="submit" className={dangerButtonClass} disabled={pending} aria-describedby={headingId}>
          {pending ? "Masquage…" : "Masquer"}
        </button>
      </div>
    </form>
  );
}

/** « Garder publié » (reports classed) or « Republier » (an item hidden by reports comes back). */
export function KeepForm({ id, headingId, republish }: { id: number; headingId: string; republish: boolean }) {
  const { field, state, pending, formAction, formProps } = useFormAction({
    action: keepAction,
    schema: keepSchema,
    defaultValues: { id: String(id) },
  });
  return (
    <form
      action={formAction}
      {...formProps}
      aria-labelledby={`garder-${id}-bouton ${headingId}`}
      className="mt-4 flex flex-col gap-2 border-t border-slate-300 pt-4"
    >
      <FormStatus state={state} returnTo="/moderation/signalements" />
      <input type="hidden" {...field("id")} />
      <div>
        <button id={`garder-${id}-bouton`} type="submit" className={secondaryButtonClass} disabled={pending} aria-describedby={headingId}>
          {pending ? "Enregistrement…" : republish ? "Republier" : "Garder publié"}
        </button>
      </div>
    </form>
  );
}
