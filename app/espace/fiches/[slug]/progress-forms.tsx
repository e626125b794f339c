"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { actionStatuses, statusLabel, type ActionStatus } from "@/lib/labels";
import {
  changeDeadlineSchema,
  correctProgressReportSchema,
  DEADLINE_REASON_MAX,
  postProgressReportSchema,
  REPORT_BODY_MAX,
  REPORT_TITLE_MAX,
} from "@/lib/validation/progress";
import { changeDeadlineAction, correctProgressReportAction, postProgressReportAction } from "./actions";

/*
 * The progress forms of a fiche: the same schemas as the server check in the browser, then the
 * form posts to its server action (also before JavaScript runs). The typed text stays in the form
 * on every error: a field error goes next to its field, an expired session says how to sign in
 * again. On success the server leads back to the fiche's page, which says what was done.
 */

type ReportField = "reportedOn" | "title" | "body" | "status" | "progress";
type DeadlineField = "deadline.date" | "deadline.label" | "deadline.reason";
interface Binding<N extends string> {
  field: (name: N) => UseFormRegisterReturn<string> & { defaultValue?: string };
  error: (name: string) => string | undefined;
}

/** The values the person cannot see (the fiche, the report, the form's id) come from the page. */
function StaleForm({ error, names }: { error: (name: string) => string | undefined; names: string[] }) {
  if (!names.some((name) => error(name))) return null;
  return (
    <FormMessage kind="error">
      Le formulaire n&apos;a pas pu être envoyé. Copiez votre texte, rechargez la page, puis réessayez.
    </FormMessage>
  );
}

function ReportFields({ field, error, prefix }: Binding<ReportField> & { prefix: string }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <Field id={id("date")} label="Date du point d'étape" error={error("reportedOn")}>
        <input
          id={id("date")}
          type="date"
          className={`${inputClass} max-w-xs`}
          {...describedBy(id("date"), false, error("reportedOn"))}
          {...field("reportedOn")}
        />
      </Field>
      <Field id={id("titre")} label="Titre" hint={`${REPORT_TITLE_MAX} caractères au plus.`} error={error("title")}>
        <input
          id={id("titre")}
          type="text"
          className={inputClass}
          {...describedBy(id("titre"), true, error("title"))}
          {...field("title")}
        />
      </Field>
      <Field
        id={id("texte")}
        label="Ce qui a été fait"
        hint={`Texte simple, ${REPORT_BODY_MAX} caractères au plus. Il sera public sur la fiche.`}
        error={error("body")}
      >
        <textarea id={id("texte")} rows={8} className={inputClass} {...describedBy(id("texte"), true, error("body"))} {...field("body")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("statut")} label="Nouveau statut" error={error("status")}>
          <select id={id("statut")} className={inputClass} {...describedBy(id("statut"), false, error("status"))} {...field("status")}>
            <option value="">Inchangé</option>
            {actionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id("avancement")}
          label="Nouvel avancement (en %)"
          hint="Un nombre entre 0 et 100. Vide : inchangé."
          error={error("progress")}
        >
          <input
            id={id("avancement")}
            type="text"
            inputMode="numeric"
            className={`${inputClass} max-w-40`}
            {...describedBy(id("avancement"), true, error("progress"))}
            {...field("progress")}
          />
        </Field>
      </div>
    </>
  );
}

function DeadlineFields({ field, error, prefix, legend }: Binding<DeadlineField> & { prefix: string; legend: string }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border-2 border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <Field id={id("echeance")} label="Nouvelle échéance (date)" error={error("deadline.date")}>
        <input
          id={id("echeance")}
          type="date"
          className={`${inputClass} max-w-xs`}
          {...describedBy(id("echeance"), false, error("deadline.date"))}
          {...field("deadline.date")}
        />
      </Field>
      <Field
        id={id("libelle")}
        label="L'échéance en mots (facultatif)"
        hint="Par exemple « fin 2027 ». Vide : « fin » suivi du mois de la date."
        error={error("deadline.label")}
      >
        <input
          id={id("libelle")}
          type="text"
          className={inputClass}
          {...describedBy(id("libelle"), true, error("deadline.label"))}
          {...field("deadline.label")}
        />
      </Field>
      <Field
        id={id("raison")}
        label="Raison du changement"
        hint={`Obligatoire, publiée sur la fiche. ${DEADLINE_REASON_MAX} caractères au plus.`}
        error={error("deadline.reason")}
      >
        <textarea
          id={id("raison")}
          rows={3}
          className={inputClass}
          {...describedBy(id("raison"), true, error("deadline.reason"))}
          {...field("deadline.reason")}
        />
      </Field>
    </fieldset>
  );
}

/**
 * A new point d'étape, with an optional change of deadline. The deadline's fields show when the
 * box is ticked — by CSS, so that it also works before JavaScript runs; the server reads them
 * only when the box is ticked. The page gives a new `clientRequestId` (and a new key) per render.
 */
export function NewReportForm({ actionSlug, clientRequestId, today }: { actionSlug: string; clientRequestId: string; today: string }) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action: postProgressReportAction,
    schema: postProgressReportSchema,
    defaultValues: {
      actionSlug,
      clientRequestId,
      reportedOn: today,
      title: "Point d'étape",
      body: "",
      status: "",
      progress: "",
      deadline: { move: false, date: "", label: "", reason: "" },
    },
  });
  return (
    <form action={formAction} {...formProps} aria-label="Nouveau point d'étape" className="flex max-w-2xl flex-col gap-6">
      <FormStatus state={state} errorsOnly returnTo={`/espace/fiches/${actionSlug}`} />
      <StaleForm error={error} names={["actionSlug", "clientRequestId"]} />
      <input type="hidden" {...field("actionSlug")} />
      <input type="hidden" {...field("clientRequestId")} />
      <ReportFields field={field} error={error} prefix="nouveau" />
      <div className="group flex flex-col gap-6">
        <div className="flex items-start gap-3">
          <input
            id="nouveau-deplacer"
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0"
            aria-controls="nouveau-echeance-champs"
            {...checkbox("deadline.move")}
          />
          <label htmlFor="nouveau-deplacer" className="font-semibold">
            Ce point d&apos;étape change aussi l&apos;échéance de la fiche
          </label>
        </div>
        <div id="nouveau-echeance-champs" className="hidden group-has-[#nouveau-deplacer:checked]:block">
          <DeadlineFields field={field} error={error} prefix="nouveau" legend="Nouvelle échéance" />
        </div>
      </div>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Publication…" : "Publier le point d'étape"}
        </button>
      </div>
    </form>
  );
}

/** The correction of a report within 24 hours. The earlier version stays public in its history. */
export function CorrectReportForm({
  actionSlug,
  report,
}: {
  actionSlug: string;
  report: { id: number; reportedOn: string | null; title: string; body: string; status: ActionStatus | null; progress: number | null };
}) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: correctProgressReportAction,
    schema: correctProgressReportSchema,
    defaultValues: {
      reportId: String(report.id),
      reportedOn: report.reportedOn ?? "",
      title: report.title,
      body: report.body,
      status: report.status ?? "",
      progress: report.progress === null ? "" : String(report.progress),
    },
  });
  return (
    <form action={formAction} {...formProps} aria-label={`Corriger « ${report.title} »`} className="mt-4 flex flex-col gap-6">
      <FormStatus state={state} errorsOnly returnTo={`/espace/fiches/${actionSlug}`} />
      <StaleForm error={error} names={["reportId"]} />
      <input type="hidden" {...field("reportId")} />
      <ReportFields field={field} error={error} prefix={`correction-${report.id}`} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Publication…" : "Publier la correction"}
        </button>
      </div>
    </form>
  );
}

/** A change of deadline without a report. */
export function DeadlineForm({ actionSlug }: { actionSlug: string }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: changeDeadlineAction,
    schema: changeDeadlineSchema,
    defaultValues: { actionSlug, deadline: { date: "", label: "", reason: "" } },
  });
  return (
    <form action={formAction} {...formProps} aria-label="Changer l'échéance" className="flex max-w-2xl flex-col gap-6">
      <FormStatus state={state} errorsOnly returnTo={`/espace/fiches/${actionSlug}`} />
      <StaleForm error={error} names={["actionSlug"]} />
      <input type="hidden" {...field("actionSlug")} />
      <DeadlineFields field={field} error={error} prefix="echeance" legend="Changer l'échéance" />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer la nouvelle échéance"}
        </button>
      </div>
    </form>
  );
}
