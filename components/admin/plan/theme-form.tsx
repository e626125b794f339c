"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { createThemeSchema, updateThemeSchema, type CreateThemeInput } from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { ReasonField } from "../reason-field";

const empty: CreateThemeInput = { title: "", description: "", reason: "" };

/**
 * Add a theme after the last one. The form empties once it exists. `planId`: the draft's (decision
 * 0027), sent with the form; without it the server adds the theme to the current plan.
 */
export function CreateThemeForm<T>({
  action,
  planId,
  returnTo = "/admin/plan#thematique",
}: {
  action: FormAction<T>;
  planId?: number;
  returnTo?: string;
}) {
  const initial: CreateThemeInput = planId ? { ...empty, planId: String(planId) } : empty;
  const hook = useFormAction({ action, schema: createThemeSchema, defaultValues: initial, onSuccess: (_, form) => form.reset(initial) });
  return (
    <form action={hook.formAction} {...hook.formProps} className="flex flex-col gap-6" aria-label="Ajouter une thématique">
      <FormStatus state={hook.state} returnTo={returnTo} />
      {planId ? <input type="hidden" {...hook.field("planId")} /> : null}
      <ThemeFields prefix="nouvelle-thematique" hook={hook} />
      <div>
        <button type="submit" className={buttonClass} disabled={hook.pending}>
          {hook.pending ? "Enregistrement…" : "Ajouter la thématique"}
        </button>
      </div>
    </form>
  );
}

/** Edit a theme's title and description; its number and address stay. */
export function EditThemeForm<T>({
  themeId,
  current,
  action,
}: {
  themeId: number;
  current: { title: string; description: string | null };
  action: FormAction<T>;
}) {
  const hook = useFormAction({
    action,
    schema: updateThemeSchema,
    defaultValues: { themeId: String(themeId), title: current.title, description: current.description ?? "", reason: "" },
    onSuccess: (_, form) => form.reset({ ...form.getValues(), reason: "" }),
  });
  return (
    <form action={hook.formAction} {...hook.formProps} className="flex flex-col gap-6" aria-label="Modifier la thématique">
      <FormStatus state={hook.state} returnTo={`/admin/plan/thematiques/${themeId}`} />
      <input type="hidden" {...hook.field("themeId")} />
      <ThemeFields prefix="thematique" hook={hook} />
      <div>
        <button type="submit" className={buttonClass} disabled={hook.pending}>
          {hook.pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}

type ThemeFieldName = "title" | "description" | "reason";

function ThemeFields({
  prefix,
  hook,
}: {
  prefix: string;
  hook: {
    field: (name: ThemeFieldName) => ReturnType<ReturnType<typeof useFormAction>["field"]>;
    error: (name: string) => string | undefined;
  };
}) {
  const id = (name: string) => `${prefix}-${name}`;
  const { field, error } = hook;
  return (
    <>
      <Field
        id={id("titre")}
        label="Titre"
        hint="L'adresse de la page publique ne change pas si vous changez le titre."
        error={error("title")}
      >
        <input
          id={id("titre")}
          type="text"
          className={inputClass}
          {...describedBy(id("titre"), true, error("title"))}
          {...field("title")}
        />
      </Field>
      <Field id={id("description")} label="Description (facultative)" error={error("description")}>
        <textarea
          id={id("description")}
          rows={3}
          className={inputClass}
          {...describedBy(id("description"), null, error("description"))}
          {...field("description")}
        />
      </Field>
      <ReasonField id={id("raison")} required={false} error={error("reason")} registration={field("reason")} />
    </>
  );
}
