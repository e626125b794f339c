"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { createCouncilSchema, updateCouncilSchema, type CreateCouncilInput } from "@/lib/validation/admin";
import type { FormAction } from "@/server/form-action";
import { ReasonField } from "./reason-field";

export interface CouncilValues {
  name: string;
  number: number | null;
  area: string | null;
  description: string | null;
}

const empty: CreateCouncilInput = { name: "", number: "", area: "", description: "", reason: "" };

/** Create a council. The same checks as the server; the form empties once the council exists. */
export function CreateCouncilForm<T>({ action }: { action: FormAction<T> }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: createCouncilSchema,
    defaultValues: empty,
    onSuccess: (_, form) => form.reset(empty),
  });
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Créer un conseil">
      <FormStatus state={state} returnTo="/admin/conseils#creer" />
      <CouncilFields prefix="nouveau-conseil" isNew field={field} error={error} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Créer le conseil"}
        </button>
      </div>
    </form>
  );
}

/** Edit a council's public information, with an optional reason for the journal. */
export function EditCouncilForm<T>({ councilId, current, action }: { councilId: number; current: CouncilValues; action: FormAction<T> }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: updateCouncilSchema,
    defaultValues: {
      councilId: String(councilId),
      name: current.name,
      number: current.number === null ? "" : String(current.number),
      area: current.area ?? "",
      description: current.description ?? "",
      reason: "",
    },
    onSuccess: (_, form) => form.reset({ ...form.getValues(), reason: "" }),
  });
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Modifier le conseil">
      <FormStatus state={state} returnTo={`/admin/conseils/${councilId}`} />
      <input type="hidden" {...field("councilId")} />
      <CouncilFields prefix="conseil" isNew={false} field={field} error={error} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}

type CouncilFieldName = "name" | "number" | "area" | "description" | "reason";

/** The fields both forms share. */
function CouncilFields({
  prefix,
  isNew,
  field,
  error,
}: {
  prefix: string;
  isNew: boolean;
  field: (name: CouncilFieldName) => UseFormRegisterReturn & { defaultValue?: string };
  error: (name: CouncilFieldName) => string | undefined;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  const errors = { name: error("name"), number: error("number"), area: error("area"), description: error("description") };
  return (
    <>
      <Field
        id={id("nom")}
        label="Nom du conseil"
        hint={isNew ? "L'adresse de sa page publique est tirée du nom ; elle ne changera plus." : undefined}
        error={errors.name}
      >
        <input id={id("nom")} type="text" className={inputClass} {...describedBy(id("nom"), isNew, errors.name)} {...field("name")} />
      </Field>

      <Field
        id={id("numero")}
        label="Numéro (facultatif)"
        hint="Un nombre entier, par exemple 7. Deux conseils ne peuvent pas avoir le même numéro."
        error={errors.number}
      >
        <input
          id={id("numero")}
          type="text"
          inputMode="numeric"
          className={`${inputClass} max-w-40`}
          {...describedBy(id("numero"), true, errors.number)}
          {...field("number")}
        />
      </Field>

      <Field id={id("quartier")} label="Quartier (facultatif)" error={errors.area}>
        <input
          id={id("quartier")}
          type="text"
          className={inputClass}
          {...describedBy(id("quartier"), null, errors.area)}
          {...field("area")}
        />
      </Field>

      <Field
        id={id("description")}
        label="Description (facultative)"
        hint="Affichée sur la page publique des conseils de quartier."
        error={errors.description}
      >
        <textarea
          id={id("description")}
          rows={4}
          className={inputClass}
          {...describedBy(id("description"), true, errors.description)}
          {...field("description")}
        />
      </Field>

      <ReasonField id={id("raison")} required={false} error={error("reason")} registration={field("reason")} />
    </>
  );
}
