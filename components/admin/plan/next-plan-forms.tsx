"use client";

import { buttonClass, dangerButtonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { openPlanSchema, publishPlanSchema, updatePlanSchema, type OpenPlanInput, type UpdatePlanInput } from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { Checkbox, CheckboxError } from "../checkbox";
import { ReasonField } from "../reason-field";

const radioClass =
  "mt-0.5 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800";

/**
 * « Préparer le prochain plan » (decision 0027): its title, period, introduction, démarche and its steps, and
 * its themes — copied from the current plan (then edited one by one) or none. It opens as a draft.
 */
export function OpenPlanForm<T>({
  action,
  defaults,
}: {
  action: FormAction<T>;
  defaults: { periodStartYear: number; periodEndYear: number };
}) {
  const empty: OpenPlanInput = {
    title: "",
    periodStartYear: String(defaults.periodStartYear),
    periodEndYear: String(defaults.periodEndYear),
    summary: "",
    demarche: "",
    steps: "",
    themes: "copy",
    reason: "",
  };
  const { field, radio, error, state, pending, formAction, formProps } = useFormAction({
    action,
    schema: openPlanSchema,
    defaultValues: empty,
  });
  const themesError = error("themes");
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Préparer le prochain plan">
      <FormStatus state={state} returnTo="/admin/plan/prochain" />
      <PlanDetailsFields prefix="plan" hook={{ field, error }} />
      <fieldset className="flex flex-col gap-2" aria-describedby={themesError ? "plan-thematiques-erreur" : undefined}>
        <legend className="mb-1 font-semibold text-slate-900">Les thématiques</legend>
        <label className="flex min-h-11 items-start gap-3 py-1">
          <input type="radio" className={radioClass} {...radio("themes", "copy")} />
          <span>Copier les thématiques du plan en cours (vous pourrez les modifier ou en ajouter)</span>
        </label>
        <label className="flex min-h-11 items-start gap-3 py-1">
          <input type="radio" className={radioClass} {...radio("themes", "empty")} />
          <span>Commencer sans thématique</span>
        </label>
        {themesError ? (
          <p id="plan-thematiques-erreur" className="text-sm font-semibold text-red-800">
            {themesError}
          </p>
        ) : null}
      </fieldset>
      <ReasonField id="plan-raison" required={false} error={error("reason")} registration={field("reason")} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Ouvrir le prochain plan en brouillon"}
        </button>
      </div>
    </form>
  );
}

/** Publish the draft: a ticked box says the admin knows the current plan ends. */
export function PublishPlanForm<T>({
  planId,
  currentTitle,
  action,
}: {
  planId: number;
  currentTitle: string | null;
  action: FormAction<T>;
}) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: publishPlanSchema,
    defaultValues: { planId: String(planId), understood: false, reason: "" },
  });
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Publier le prochain plan">
      <FormStatus state={state} returnTo="/admin/plan/prochain#publier" />
      <input type="hidden" {...field("planId")} />
      <p>
        Une fois publié, ce plan devient celui de la page d&apos;accueil, des thématiques, du plan et des réunions.
        {currentTitle ? (
          <>
            {" "}
            Le plan « {currentTitle} » sera terminé : il restera consultable tel quel, avec ses fiches, leurs points d&apos;étape, avis,
            propositions et réponses, mais ne recevra plus de contributions ni de points d&apos;étape.
          </>
        ) : null}{" "}
        Cela ne peut pas être annulé.
      </p>
      <ReasonField id="publication-raison" required={false} error={error("reason")} registration={field("reason")} />
      <Checkbox
        id="publication-compris"
        label="J'ai compris : le plan en cours sera terminé et celui-ci paraîtra sur le site."
        hint={error("understood") ? <CheckboxError error={error("understood")} /> : undefined}
        aria-invalid={error("understood") ? true : undefined}
        {...checkbox("understood")}
      />
      <div>
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Publication…" : "Publier le prochain plan"}
        </button>
      </div>
    </form>
  );
}

type PlanFieldName = "title" | "periodStartYear" | "periodEndYear" | "summary" | "demarche" | "steps";

/** A plan's details, as opened and as edited: title, period, introduction, démarche and its steps. */
function PlanDetailsFields({
  prefix,
  hook,
  periodHint = "La période donne l'adresse du plan : /plans/2021-2026.",
}: {
  prefix: string;
  periodHint?: string;
  hook: {
    field: (name: PlanFieldName) => ReturnType<ReturnType<typeof useFormAction>["field"]>;
    error: (name: string) => string | undefined;
  };
}) {
  const id = (name: string) => `${prefix}-${name}`;
  const { field, error } = hook;
  return (
    <>
      <Field id={id("titre")} label="Titre du plan" error={error("title")}>
        <input
          id={id("titre")}
          type="text"
          className={inputClass}
          {...describedBy(id("titre"), null, error("title"))}
          {...field("title")}
        />
      </Field>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Field id={id("debut")} label="Année de début" error={error("periodStartYear")}>
          <input
            id={id("debut")}
            type="text"
            inputMode="numeric"
            className={inputClass}
            {...describedBy(id("debut"), null, error("periodStartYear"))}
            {...field("periodStartYear")}
          />
        </Field>
        <Field id={id("fin")} label="Année de fin" hint={periodHint} error={error("periodEndYear")}>
          <input
            id={id("fin")}
            type="text"
            inputMode="numeric"
            className={inputClass}
            {...describedBy(id("fin"), true, error("periodEndYear"))}
            {...field("periodEndYear")}
          />
        </Field>
      </div>
      <Field
        id={id("introduction")}
        label="Introduction"
        hint="Ce que le plan veut faire, en quelques phrases : la page d'accueil la montre."
        error={error("summary")}
      >
        <textarea
          id={id("introduction")}
          rows={4}
          className={inputClass}
          {...describedBy(id("introduction"), true, error("summary"))}
          {...field("summary")}
        />
      </Field>
      <Field
        id={id("demarche")}
        label="La démarche (facultative)"
        hint="Comment le plan a été construit : la page « La démarche » le montre."
        error={error("demarche")}
      >
        <textarea
          id={id("demarche")}
          rows={6}
          className={inputClass}
          {...describedBy(id("demarche"), true, error("demarche"))}
          {...field("demarche")}
        />
      </Field>
      <Field
        id={id("etapes")}
        label="Les étapes de la démarche (facultatives)"
        hint="Une étape par ligne : la date (année, année-mois ou année-mois-jour), deux-points, puis l'étape — par exemple « 2021-03 : Concertation avec les conseils de quartier ». La page « La démarche » les montre dans cet ordre."
        error={error("steps")}
      >
        <textarea
          id={id("etapes")}
          rows={5}
          className={inputClass}
          {...describedBy(id("etapes"), true, error("steps"))}
          {...field("steps")}
        />
      </Field>
    </>
  );
}

/**
 * « La présentation du plan »: the draft's details while staff prepare it, or the current plan's to
 * correct them (decision 0027). `steps` come written one per line, as the form shows them.
 */
export function EditPlanForm<T>({
  action,
  plan,
  returnTo,
  addressFollowsPeriod,
}: {
  action: FormAction<T>;
  plan: Omit<UpdatePlanInput, "reason">;
  returnTo: string;
  /** A draft's address follows its period; the current plan keeps its own. */
  addressFollowsPeriod: boolean;
}) {
  const { field, error, state, pending, formAction, formProps } = useFormAction({
    action,
    schema: updatePlanSchema,
    defaultValues: { ...plan, reason: "" },
  });
  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Modifier la présentation du plan">
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" {...field("planId")} />
      <PlanDetailsFields
        prefix="presentation"
        hook={{ field, error }}
        periodHint={
          addressFollowsPeriod
            ? "Tant que le plan est en préparation, son adresse suit sa période : /plans/2021-2026."
            : "L'adresse du plan ne change pas si vous corrigez sa période : les liens déjà partagés restent valables."
        }
      />
      <ReasonField id="presentation-raison" required={false} error={error("reason")} registration={field("reason")} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
