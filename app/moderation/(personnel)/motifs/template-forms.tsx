"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import {
  REJECTION_REASON_MAX,
  reasonTemplateSchema,
  reasonTemplateUpdateSchema,
  TEMPLATE_LABEL_MAX,
  templateArchiveSchema,
} from "@/lib/validation/contribution";
import { archiveTemplateAction, createTemplateAction, updateTemplateAction } from "./actions";

const labelHint = `Pour le choisir dans la liste, ${TEMPLATE_LABEL_MAX} caractères au plus.`;
const bodyHint = `Le texte placé dans la raison, ${REJECTION_REASON_MAX} caractères au plus. Le conseil le lira.`;

type FieldProps = UseFormRegisterReturn & { defaultValue?: string };

/** Create (no `template`) or edit a reason template. Works without JavaScript; typed text kept on errors. */
export function TemplateForm({ template }: { template?: { id: number; label: string; body: string } }) {
  return template ? <EditTemplateForm template={template} /> : <NewTemplateForm />;
}

function NewTemplateForm() {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: createTemplateAction,
    schema: reasonTemplateSchema,
    defaultValues: { label: "", body: "" },
    // After a creation the form is emptied for the next one.
    onSuccess: (_state, form) => form.reset({ label: "", body: "" }),
  });
  return (
    <form action={formAction} {...formProps} aria-label="Nouveau motif" className="flex flex-col gap-4">
      <FormStatus state={state} returnTo="/moderation/motifs" />
      <TemplateFields
        prefix="nouveau-motif"
        label={field("label")}
        body={field("body")}
        labelError={error("label")}
        bodyError={error("body")}
      />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Créer le motif"}
        </button>
      </div>
    </form>
  );
}

function EditTemplateForm({ template }: { template: { id: number; label: string; body: string } }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: updateTemplateAction,
    schema: reasonTemplateUpdateSchema,
    defaultValues: { id: String(template.id), label: template.label, body: template.body },
  });
  return (
    <form action={formAction} {...formProps} aria-label={`Modifier le motif ${template.label}`} className="flex flex-col gap-4">
      <FormStatus state={state} returnTo="/moderation/motifs" />
      <input type="hidden" {...field("id")} />
      <TemplateFields
        prefix={`motif-${template.id}`}
        label={field("label")}
        body={field("body")}
        labelError={error("label")}
        bodyError={error("body")}
      />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}

function TemplateFields({
  prefix,
  label,
  body,
  labelError,
  bodyError,
}: {
  prefix: string;
  label: FieldProps;
  body: FieldProps;
  labelError?: string;
  bodyError?: string;
}) {
  return (
    <>
      <Field id={`${prefix}-nom`} label="Nom du motif" hint={labelHint} error={labelError}>
        <input
          id={`${prefix}-nom`}
          type="text"
          className={inputClass}
          aria-required
          {...describedBy(`${prefix}-nom`, labelHint, labelError)}
          {...label}
        />
      </Field>
      <Field id={`${prefix}-texte`} label="Texte du motif" hint={bodyHint} error={bodyError}>
        <textarea
          id={`${prefix}-texte`}
          rows={3}
          className={inputClass}
          aria-required
          {...describedBy(`${prefix}-texte`, bodyHint, bodyError)}
          {...body}
        />
      </Field>
    </>
  );
}

/** « Archiver » / « Proposer de nouveau »: one button, named with the template. */
export function ArchiveTemplateForm({ id, label, archived }: { id: number; label: string; archived: boolean }) {
  const { field, state, pending, formAction, formProps } = useFormAction({
    action: archiveTemplateAction,
    schema: templateArchiveSchema,
    defaultValues: { id: String(id), archived: archived ? "0" : "1" },
  });
  return (
    <form
      action={formAction}
      {...formProps}
      aria-label={archived ? `Proposer de nouveau le motif ${label}` : `Archiver le motif ${label}`}
      className="flex flex-col gap-2"
    >
      <FormStatus state={state} errorsOnly returnTo="/moderation/motifs" />
      <input type="hidden" {...field("id")} />
      <input type="hidden" {...field("archived")} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {archived ? "Proposer de nouveau" : "Archiver"}
          <span className="sr-only"> le motif {label}</span>
        </button>
      </div>
    </form>
  );
}
