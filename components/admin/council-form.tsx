"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { createCouncilSchema, updateCouncilSchema } from "@/lib/validation/admin";
import { callAction, showServerFieldErrors } from "./form-helpers";
import { ReasonField } from "./reason-field";

type Input = z.input<typeof updateCouncilSchema>;
type Output = z.output<typeof updateCouncilSchema>;
type CreateOutput = z.output<typeof createCouncilSchema>;

export interface CouncilValues {
  name: string;
  number: number | null;
  area: string | null;
  description: string | null;
}

type Props =
  | { mode: "create"; action: (input: CreateOutput) => Promise<ActionResult<unknown>> }
  | { mode: "edit"; councilId: number; current: CouncilValues; action: (input: Output) => Promise<ActionResult<unknown>> };

/** Create a council, or edit its public information. The same fields, the same checks as the server. */
export function CouncilForm(props: Props) {
  const prefix = props.mode === "create" ? "nouveau-conseil" : "conseil";
  const defaults: Input =
    props.mode === "create"
      ? { councilId: 0, name: "", number: "", area: "", description: "", reason: "" }
      : {
          councilId: props.councilId,
          name: props.current.name,
          number: props.current.number === null ? "" : String(props.current.number),
          area: props.current.area ?? "",
          description: props.current.description ?? "",
          reason: "",
        };
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({
    // The create form has no council yet: the create schema checks the same fields and drops the id.
    resolver: (props.mode === "create" ? zodResolver(createCouncilSchema) : zodResolver(updateCouncilSchema)) as Resolver<Input, unknown, Output>,
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => (props.mode === "create" ? props.action(values as unknown as CreateOutput) : props.action(values)));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset(props.mode === "create" ? defaults : { ...form.getValues(), reason: "" });
      setMessage({ kind: "success", text: result.message ?? "Enregistré.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={props.mode === "create" ? "Créer un conseil" : "Modifier le conseil"}>
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}

      <Field id={id("nom")} label="Nom du conseil" hint={props.mode === "create" ? "L'adresse de sa page publique est tirée du nom ; elle ne changera plus." : undefined} error={errors.name?.message}>
        <input id={id("nom")} type="text" className={inputClass} {...describedBy(id("nom"), props.mode === "create", errors.name?.message)} {...form.register("name")} />
      </Field>

      <Field id={id("numero")} label="Numéro (facultatif)" hint="Un nombre entier, par exemple 7. Deux conseils ne peuvent pas avoir le même numéro." error={errors.number?.message}>
        <input
          id={id("numero")}
          type="text"
          inputMode="numeric"
          className={`${inputClass} max-w-40`}
          {...describedBy(id("numero"), true, errors.number?.message)}
          {...form.register("number")}
        />
      </Field>

      <Field id={id("quartier")} label="Quartier (facultatif)" error={errors.area?.message}>
        <input id={id("quartier")} type="text" className={inputClass} {...describedBy(id("quartier"), null, errors.area?.message)} {...form.register("area")} />
      </Field>

      <Field id={id("description")} label="Description (facultative)" hint="Affichée sur la page publique des conseils de quartier." error={errors.description?.message}>
        <textarea id={id("description")} rows={4} className={inputClass} {...describedBy(id("description"), true, errors.description?.message)} {...form.register("description")} />
      </Field>

      <ReasonField id={id("raison")} required={false} error={errors.reason?.message} registration={form.register("reason")} />

      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : props.mode === "create" ? "Créer le conseil" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
