"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { ANSWER_BODY_MAX, answerSchema, answerStateLabels, answerStates } from "@/lib/validation/answer";
import { answerProposalAction } from "./actions";

/**
 * The City's answer to one proposal: a state and a text. The same schema as the server; the typed
 * text stays in the form on every error (with JavaScript or without). After a success the server
 * goes to the proposal's page, which renders a fresh form (a new request id).
 */
export function AnswerForm({
  contributionId,
  clientRequestId,
  signature,
}: {
  contributionId: number;
  clientRequestId: string;
  signature: string;
}) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: answerProposalAction,
    schema: answerSchema,
    defaultValues: { contributionId: String(contributionId), clientRequestId, state: "", body: "" },
  });
  const stateError = error("state");
  const bodyError = error("body");
  const bodyHint = `Texte simple, ${ANSWER_BODY_MAX} caractères au plus. Laissez une ligne vide entre deux paragraphes. Il sera public, signé : ${signature}.`;

  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Répondre à la proposition">
      <FormStatus state={state} returnTo={`/reponses/${contributionId}`} />
      <input type="hidden" {...field("clientRequestId")} />
      <input type="hidden" {...field("contributionId")} />
      <Field id="reponse-etat" label="Où en est la proposition ?" error={stateError}>
        <select id="reponse-etat" className={inputClass} {...describedBy("reponse-etat", null, stateError)} {...field("state")}>
          <option value="">Choisissez</option>
          {answerStates.map((s) => (
            <option key={s} value={s}>
              {answerStateLabels[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reponse-texte" label="La réponse de la Ville" hint={bodyHint} error={bodyError}>
        <textarea
          id="reponse-texte"
          rows={8}
          className={inputClass}
          {...describedBy("reponse-texte", bodyHint, bodyError)}
          {...field("body")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Publication…" : "Publier la réponse"}
        </button>
      </div>
    </form>
  );
}
