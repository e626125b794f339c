"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { changeRolesSchema } from "@/lib/validation/admin";
import type { FormAction } from "@/server/form-action";
import { Checkbox } from "./checkbox";
import { ReasonField } from "./reason-field";

/** Change a person's roles and title, with a reason for the journal. */
export function ChangeRolesForm<T>({
  userId,
  current,
  action,
}: {
  userId: number;
  current: { moderator: boolean; official: boolean; admin: boolean; title: string | null };
  action: FormAction<T>;
}) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: changeRolesSchema,
    defaultValues: { userId: String(userId), ...current, title: current.title ?? "", reason: "" },
    onSuccess: (_, form) => form.reset({ ...form.getValues(), reason: "" }),
  });
  const titleError = error("title");

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Changer les rôles">
      <FormStatus state={state} returnTo={`/admin/utilisateurs/${userId}`} />
      <input type="hidden" {...field("userId")} />

      <fieldset>
        <legend className="font-semibold text-slate-900">Cochez les rôles de cette personne</legend>
        <div className="mt-2 flex flex-col gap-1">
          <Checkbox
            id="roles-moderator"
            label="Modération"
            hint="Relit les contributions des conseils, répond au nom de la Ville."
            {...checkbox("moderator")}
          />
          <Checkbox
            id="roles-official"
            label="Élu·e"
            hint="Publie des points d'étape, présente en réunion publique."
            {...checkbox("official")}
          />
          <Checkbox
            id="roles-admin"
            label="Administration"
            hint="Gère les utilisateurs, les rôles et les conseils de quartier."
            {...checkbox("admin")}
          />
        </div>
      </fieldset>

      <Field
        id="roles-title"
        label="Fonction (facultative)"
        hint="Affichée avec les réponses de la personne, par exemple « Adjointe au maire chargée des solidarités »."
        error={titleError}
      >
        <input id="roles-title" type="text" className={inputClass} {...describedBy("roles-title", true, titleError)} {...field("title")} />
      </Field>

      <ReasonField id="roles-reason" error={error("reason")} registration={field("reason")} />

      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les rôles"}
        </button>
      </div>
    </form>
  );
}
