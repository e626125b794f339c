"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import {
  createActionSchema,
  linkLinesText,
  projectLinesText,
  updateActionSchema,
  type CreateActionInput,
  type LinkLine,
  type ProjectLine,
} from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { Checkbox, CheckboxError } from "../checkbox";
import { ReasonField } from "../reason-field";
import { PlainSummaryHints } from "./plain-summary-hints";

export interface ActionFormValues {
  title: string;
  description: string | null;
  body: string | null;
  plainSummary: string | null;
  timeframeLabel: string | null;
  projects: ProjectLine[];
  links: LinkLine[];
  themeIds: number[];
}

export interface ThemeChoice {
  id: number;
  number: number;
  title: string;
  archivedAt: Date | null;
}

const inputOf = (v: ActionFormValues): CreateActionInput => ({
  title: v.title,
  description: v.description ?? "",
  body: v.body ?? "",
  plainSummary: v.plainSummary ?? "",
  timeframeLabel: v.timeframeLabel ?? "",
  projects: projectLinesText(v.projects),
  links: linkLinesText(v.links),
  themeIds: v.themeIds.map(String),
  reason: "",
});

/** Add a fiche to the plan. The same checks as the server; the page goes to the new fiche once saved. */
export function CreateActionForm<T>({ action, themes, themeId }: { action: FormAction<T>; themes: ThemeChoice[]; themeId?: number }) {
  const empty = inputOf({
    title: "",
    description: null,
    body: null,
    plainSummary: null,
    timeframeLabel: null,
    projects: [],
    links: [],
    themeIds: themeId ? [themeId] : [],
  });
  const hook = useFormAction({ action, schema: createActionSchema, defaultValues: empty });
  return (
    <form action={hook.formAction} {...hook.formProps} className="flex flex-col gap-6" aria-label="Ajouter une fiche action">
      <FormStatus state={hook.state} returnTo="/admin/plan/fiches/nouvelle" />
      <ActionFields prefix="nouvelle-fiche" hook={hook} themes={themes} sourceTimeframe={undefined} />
      <div>
        <button type="submit" className={buttonClass} disabled={hook.pending}>
          {hook.pending ? "Enregistrement…" : "Ajouter la fiche"}
        </button>
      </div>
    </form>
  );
}

/**
 * Edit a fiche's texts and themes. `sourceTimeframe` is set for a fiche from the source document:
 * its original time frame is the source's statement, shown and never edited here.
 */
export function EditActionForm<T>({
  actionId,
  current,
  themes,
  sourceTimeframe,
  action,
}: {
  actionId: number;
  current: ActionFormValues;
  themes: ThemeChoice[];
  sourceTimeframe: string | null | undefined;
  action: FormAction<T>;
}) {
  const hook = useFormAction({
    action,
    schema: updateActionSchema,
    defaultValues: { actionId: String(actionId), ...inputOf(current) },
    onSuccess: (_, form) => form.reset({ ...form.getValues(), reason: "" }),
  });
  return (
    <form action={hook.formAction} {...hook.formProps} className="flex flex-col gap-6" aria-label="Modifier la fiche action">
      <FormStatus state={hook.state} returnTo={`/admin/plan/fiches/${actionId}`} />
      <input type="hidden" {...hook.field("actionId")} />
      <ActionFields prefix="fiche" hook={hook} themes={themes} sourceTimeframe={sourceTimeframe} />
      <div>
        <button type="submit" className={buttonClass} disabled={hook.pending}>
          {hook.pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}

type FieldName = "title" | "description" | "body" | "plainSummary" | "timeframeLabel" | "projects" | "links" | "themeIds" | "reason";

interface Hook {
  field: (name: FieldName) => ReturnType<ReturnType<typeof useFormAction>["field"]>;
  checkbox: (name: FieldName, value?: string) => ReturnType<ReturnType<typeof useFormAction>["checkbox"]>;
  error: (name: string) => string | undefined;
  form: { watch: (name: "plainSummary") => unknown };
}

/** The fields both forms share. */
function ActionFields({
  prefix,
  hook,
  themes,
  sourceTimeframe,
}: {
  prefix: string;
  hook: Hook;
  themes: ThemeChoice[];
  sourceTimeframe: string | null | undefined;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  const { field, error } = hook;
  const summary = hook.form.watch("plainSummary");
  const hintsId = id("mots-simples-conseils");
  const themesError = error("themeIds");
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

      <Field
        id={id("mots-simples")}
        label="En bref, en mots simples (facultatif)"
        hint="400 caractères au plus. Affiché en premier sur la page de la fiche et dans les diapositives. Des phrases courtes, des mots courants."
        error={error("plainSummary")}
      >
        <textarea
          id={id("mots-simples")}
          rows={4}
          className={inputClass}
          {...describedBy(id("mots-simples"), true, error("plainSummary"))}
          aria-describedby={`${id("mots-simples")}-aide ${hintsId}${error("plainSummary") ? ` ${id("mots-simples")}-erreur` : ""}`}
          {...field("plainSummary")}
        />
        <PlainSummaryHints id={hintsId} text={typeof summary === "string" ? summary : ""} />
      </Field>

      <Field
        id={id("description")}
        label="Description courte (facultative)"
        hint="Une ou deux phrases, sous le titre."
        error={error("description")}
      >
        <textarea
          id={id("description")}
          rows={3}
          className={inputClass}
          {...describedBy(id("description"), true, error("description"))}
          {...field("description")}
        />
      </Field>

      <Field id={id("texte")} label="Texte complet (facultatif)" error={error("body")}>
        <textarea id={id("texte")} rows={8} className={inputClass} {...describedBy(id("texte"), null, error("body"))} {...field("body")} />
      </Field>

      {sourceTimeframe === undefined ? (
        <Field
          id={id("echeance")}
          label="Échéance d'origine, en mots (facultative)"
          hint="Par exemple « jusqu'en 2020 » ou « 2019/2020 »."
          error={error("timeframeLabel")}
        >
          <input
            id={id("echeance")}
            type="text"
            className={inputClass}
            {...describedBy(id("echeance"), true, error("timeframeLabel"))}
            {...field("timeframeLabel")}
          />
        </Field>
      ) : (
        <div>
          <p className="font-semibold text-slate-900">Échéance d&apos;origine</p>
          <p>
            {sourceTimeframe ?? "Non précisée par le document source"} — c&apos;est celle du document source : elle ne se modifie pas ici.
            Pour la repousser, publiez un point d&apos;étape avec un changement d&apos;échéance.
          </p>
          <input type="hidden" {...field("timeframeLabel")} />
        </div>
      )}

      <Field
        id={id("projets")}
        label="Projets cités (facultatif)"
        hint="Un projet par ligne. Pour ajouter un détail, écrivez-le après « : », par exemple « Maison des parents : ouverture en 2019 »."
        error={error("projects")}
      >
        <textarea
          id={id("projets")}
          rows={4}
          className={inputClass}
          {...describedBy(id("projets"), true, error("projects"))}
          {...field("projects")}
        />
      </Field>

      <Field
        id={id("liens")}
        label="Liens (facultatif)"
        hint="Un lien par ligne : le texte du lien, puis l'adresse, par exemple « Site du CCAS https://www.exemple.fr/ccas »."
        error={error("links")}
      >
        <textarea
          id={id("liens")}
          rows={3}
          className={inputClass}
          {...describedBy(id("liens"), true, error("links"))}
          {...field("links")}
        />
      </Field>

      <fieldset className="flex flex-col gap-1" aria-describedby={themesError ? id("thematiques-erreur") : undefined}>
        <legend className="font-semibold text-slate-900">Thématiques (au moins une)</legend>
        <p className="text-sm text-slate-700">
          Une fiche peut figurer sous plusieurs thématiques ; elle s&apos;ajoute à la fin de chacune.
        </p>
        {themes.map((theme) => (
          <Checkbox
            key={theme.id}
            id={id(`thematique-${theme.id}`)}
            label={`${theme.number}. ${theme.title}${theme.archivedAt ? " (archivée)" : ""}`}
            {...hook.checkbox("themeIds", String(theme.id))}
          />
        ))}
        {themesError ? (
          <p id={id("thematiques-erreur")} className="text-sm">
            <CheckboxError error={themesError} />
          </p>
        ) : null}
      </fieldset>

      <ReasonField id={id("raison")} required={false} error={error("reason")} registration={field("reason")} />
    </>
  );
}
