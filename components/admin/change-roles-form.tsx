"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { changeRolesSchema } from "@/lib/validation/admin";
import { Checkbox } from "./checkbox";
import { callAction, showServerFieldErrors } from "./form-helpers";
import { ReasonField } from "./reason-field";

type Input = z.input<typeof changeRolesSchema>;
type Output = z.output<typeof changeRolesSchema>;

/** Change a person's roles and title, with a reason for the journal. */
export function ChangeRolesForm({
  userId,
  current,
  action,
}: {
  userId: number;
  current: { moderator: boolean; official: boolean; admin: boolean; title: string | null };
  action: (input: Output) => Promise<ActionResult<{ changed: boolean }>>;
}) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(changeRolesSchema),
    defaultValues: { userId, ...current, title: current.title ?? "", reason: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => action(values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      form.reset({ ...form.getValues(), reason: "" });
      setMessage({ kind: "success", text: result.message ?? "Les rôles ont été modifiés.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="Changer les rôles">
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}

      <fieldset>
        <legend className="font-semibold text-slate-900">Cochez les rôles de cette personne</legend>
        <div className="mt-2 flex flex-col gap-1">
          <Checkbox id="roles-moderator" label="Modération" hint="Relit les contributions des conseils, répond au nom de la Ville." {...form.register("moderator")} />
          <Checkbox id="roles-official" label="Élu·e" hint="Publie des points d'étape, présente en réunion publique." {...form.register("official")} />
          <Checkbox id="roles-admin" label="Administration" hint="Gère les utilisateurs, les rôles et les conseils de quartier." {...form.register("admin")} />
        </div>
      </fieldset>

      <Field id="roles-title" label="Fonction (facultative)" hint="Affichée avec les réponses de la personne, par exemple « Adjointe au maire chargée des solidarités »." error={errors.title?.message}>
        <input id="roles-title" type="text" className={inputClass} {...describedBy("roles-title", true, errors.title?.message)} {...form.register("title")} />
      </Field>

      <ReasonField id="roles-reason" error={errors.reason?.message} registration={form.register("reason")} />

      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer les rôles"}
        </button>
      </div>
    </form>
  );
}
