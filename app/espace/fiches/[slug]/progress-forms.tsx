"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
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

type Outcome = { message: string; n: number; signIn?: boolean } | null;

/*
 * The progress forms of a fiche (react-hook-form with the server's zod schemas, checked in the
 * browser and sent raw: the server parses the same strings again). The typed text
 * stays in the form on every error: a field error goes next to its field, an expired session
 * says how to sign in again (in another tab: this one keeps the text), a network error says so.
 */
function useSubmit<V extends FieldValues>(form: UseFormReturn<V>, fields: string[], onDone: (message: string) => void) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = (call: (values: V) => Promise<ActionResult<unknown>>) =>
    form.handleSubmit(async (values) => {
      setOutcome(null);
      try {
        const result = await call(values);
        if (result.ok) return onDone(result.message ?? "Enregistré.");
        let focused = false;
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages?.[0] && fields.includes(field)) {
            form.setError(field as Path<V>, { message: messages[0] }, { shouldFocus: !focused });
            focused = true;
          }
        }
        if (!focused) setOutcome((o) => ({ message: result.message, n: (o?.n ?? 0) + 1, signIn: result.code === "UNAUTHENTICATED" }));
      } catch {
        setOutcome((o) => ({ message: "L'envoi n'a pas abouti. Vérifiez votre connexion à Internet, puis réessayez : votre texte est conservé.", n: (o?.n ?? 0) + 1 }));
      }
    }, (errors) => {
      // A field the person cannot see is wrong (a page left open too long): say so rather than nothing.
      if (Object.keys(errors).some((field) => !fields.includes(field))) {
        setOutcome((o) => ({ message: "Le formulaire n'a pas pu être envoyé. Copiez votre texte, rechargez la page, puis réessayez.", n: (o?.n ?? 0) + 1 }));
      }
    });
  return { outcome, submit };
}

function OutcomeMessage({ outcome, here }: { outcome: Outcome; here: string }) {
  if (!outcome) return null;
  return (
    <div key={outcome.n}>
      <FormMessage kind="error">
        {outcome.message}
        {outcome.signIn ? (
          <>
            {" "}
            <a className="underline" href={`/connexion?callbackUrl=${encodeURIComponent(here)}`} target="_blank" rel="noopener">
              Se reconnecter dans un nouvel onglet
            </a>
            , puis revenez ici et envoyez de nouveau : votre texte est conservé.
          </>
        ) : null}
      </FormMessage>
    </div>
  );
}

type ReportValues = {
  reportId: number;
  actionSlug: string;
  clientRequestId: string;
  reportedOn: string;
  title: string;
  body: string;
  status: "" | ActionStatus;
  progress: string;
  newDeadline: string;
  newTimeframeLabel: string;
  deadlineReason: string;
};

const reportFields = ["reportedOn", "title", "body", "status", "progress", "newDeadline", "newTimeframeLabel", "deadlineReason"];

function ReportFields({ form, prefix }: { form: UseFormReturn<ReportValues>; prefix: string }) {
  const { errors } = form.formState;
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <Field id={id("date")} label="Date du point d'étape" error={errors.reportedOn?.message}>
        <input id={id("date")} type="date" className={`${inputClass} max-w-xs`} {...describedBy(id("date"), false, errors.reportedOn?.message)} {...form.register("reportedOn")} />
      </Field>
      <Field id={id("titre")} label="Titre" hint={`${REPORT_TITLE_MAX} caractères au plus.`} error={errors.title?.message}>
        <input id={id("titre")} type="text" className={inputClass} {...describedBy(id("titre"), true, errors.title?.message)} {...form.register("title")} />
      </Field>
      <Field id={id("texte")} label="Ce qui a été fait" hint={`Texte simple, ${REPORT_BODY_MAX} caractères au plus. Il sera public sur la fiche.`} error={errors.body?.message}>
        <textarea id={id("texte")} rows={8} className={inputClass} {...describedBy(id("texte"), true, errors.body?.message)} {...form.register("body")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("statut")} label="Nouveau statut" error={errors.status?.message}>
          <select id={id("statut")} className={inputClass} {...describedBy(id("statut"), false, errors.status?.message)} {...form.register("status")}>
            <option value="">Inchangé</option>
            {actionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("avancement")} label="Nouvel avancement (en %)" hint="Un nombre entre 0 et 100. Vide : inchangé." error={errors.progress?.message}>
          <input id={id("avancement")} type="text" inputMode="numeric" className={`${inputClass} max-w-40`} {...describedBy(id("avancement"), true, errors.progress?.message)} {...form.register("progress")} />
        </Field>
      </div>
    </>
  );
}

const DeadlineFields = ({ form, prefix, legend }: { form: UseFormReturn<ReportValues>; prefix: string; legend: string }) => {
  const { errors } = form.formState;
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border-2 border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <Field id={id("echeance")} label="Nouvelle échéance (date)" error={errors.newDeadline?.message}>
        <input id={id("echeance")} type="date" className={`${inputClass} max-w-xs`} {...describedBy(id("echeance"), false, errors.newDeadline?.message)} {...form.register("newDeadline")} />
      </Field>
      <Field id={id("libelle")} label="L'échéance en mots (facultatif)" hint="Par exemple « fin 2027 ». Vide : « fin » suivi du mois de la date." error={errors.newTimeframeLabel?.message}>
        <input id={id("libelle")} type="text" className={inputClass} {...describedBy(id("libelle"), true, errors.newTimeframeLabel?.message)} {...form.register("newTimeframeLabel")} />
      </Field>
      <Field id={id("raison")} label="Raison du changement" hint={`Obligatoire, publiée sur la fiche. ${DEADLINE_REASON_MAX} caractères au plus.`} error={errors.deadlineReason?.message}>
        <textarea id={id("raison")} rows={3} className={inputClass} {...describedBy(id("raison"), true, errors.deadlineReason?.message)} {...form.register("deadlineReason")} />
      </Field>
    </fieldset>
  );
};

/** A new point d'étape, with an optional change of deadline. */
export function NewReportForm({ actionSlug, clientRequestId, today }: { actionSlug: string; clientRequestId: string; today: string }) {
  const router = useRouter();
  const [moveDeadline, setMoveDeadline] = useState(false);
  const form = useForm<ReportValues>({
    resolver: zodResolver(postProgressReportSchema, undefined, { raw: true }) as never,
    defaultValues: { actionSlug, clientRequestId, reportedOn: today, title: "Point d'étape", body: "", status: "", progress: "", newDeadline: "", newTimeframeLabel: "", deadlineReason: "" },
  });
  const { outcome, submit } = useSubmit(form, reportFields, () => router.push(`/espace/fiches/${actionSlug}?fait=publie#points-etape`));
  const onSubmit = submit((values) =>
    postProgressReportAction(moveDeadline ? values : { ...values, newDeadline: "", newTimeframeLabel: "", deadlineReason: "" }),
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Nouveau point d'étape" className="flex max-w-2xl flex-col gap-6">
      <OutcomeMessage outcome={outcome} here={`/espace/fiches/${actionSlug}`} />
      <ReportFields form={form} prefix="nouveau" />
      <div className="flex items-start gap-3">
        <input
          id="nouveau-deplacer"
          type="checkbox"
          className="mt-1 h-6 w-6 shrink-0"
          checked={moveDeadline}
          onChange={(e) => setMoveDeadline(e.target.checked)}
          aria-controls="nouveau-echeance-champs"
        />
        <label htmlFor="nouveau-deplacer" className="font-semibold">
          Ce point d&apos;étape change aussi l&apos;échéance de la fiche
        </label>
      </div>
      <div id="nouveau-echeance-champs" hidden={!moveDeadline}>
        {moveDeadline ? <DeadlineFields form={form} prefix="nouveau" legend="Nouvelle échéance" /> : null}
      </div>
      <div>
        <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Publication…" : "Publier le point d'étape"}
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
  const router = useRouter();
  const form = useForm<ReportValues>({
    resolver: zodResolver(correctProgressReportSchema, undefined, { raw: true }) as never,
    defaultValues: {
      reportId: report.id,
      reportedOn: report.reportedOn ?? "",
      title: report.title,
      body: report.body,
      status: report.status ?? "",
      progress: report.progress === null ? "" : String(report.progress),
    },
  });
  const { outcome, submit } = useSubmit(form, reportFields, () => router.push(`/espace/fiches/${actionSlug}?fait=corrige#point-etape-${report.id}`));
  const onSubmit = submit((values) =>
    correctProgressReportAction({ reportId: report.id, reportedOn: values.reportedOn, title: values.title, body: values.body, status: values.status, progress: values.progress }),
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-label={`Corriger « ${report.title} »`} className="mt-4 flex flex-col gap-6">
      <OutcomeMessage outcome={outcome} here={`/espace/fiches/${actionSlug}`} />
      <ReportFields form={form} prefix={`correction-${report.id}`} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Publication…" : "Publier la correction"}
        </button>
      </div>
    </form>
  );
}

/** A change of deadline without a report. */
export function DeadlineForm({ actionSlug }: { actionSlug: string }) {
  const router = useRouter();
  const form = useForm<ReportValues>({
    resolver: zodResolver(changeDeadlineSchema, undefined, { raw: true }) as never,
    defaultValues: { actionSlug, newDeadline: "", newTimeframeLabel: "", deadlineReason: "" },
  });
  const { outcome, submit } = useSubmit(form, reportFields, () => router.push(`/espace/fiches/${actionSlug}?fait=echeance#echeance`));
  const onSubmit = submit((values) =>
    changeDeadlineAction({ actionSlug, newDeadline: values.newDeadline, newTimeframeLabel: values.newTimeframeLabel, deadlineReason: values.deadlineReason }),
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Changer l'échéance" className="flex max-w-2xl flex-col gap-6">
      <OutcomeMessage outcome={outcome} here={`/espace/fiches/${actionSlug}`} />
      <DeadlineFields form={form} prefix="echeance" legend="Changer l'échéance" />
      <div>
        <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Enregistrement…" : "Enregistrer la nouvelle échéance"}
        </button>
      </div>
    </form>
  );
}
