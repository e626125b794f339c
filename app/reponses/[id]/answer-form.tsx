"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { ANSWER_BODY_MAX, answerSchema, answerStateLabels, answerStates, type AnswerInput } from "@/lib/validation/answer";
import { answerProposalAction } from "./actions";

type Values = { contributionId: number; state: AnswerInput["state"] | ""; body: string; clientRequestId: string };

/**
 * The City's answer to one proposal: a state and a text. The same schema as the server; the typed
 * text stays in the form on every error (validation, expired session, network).
 */
export function AnswerForm({ contributionId, clientRequestId, signature }: { contributionId: number; clientRequestId: string; signature: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ message: string; n: number; signIn?: boolean } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(answerSchema) as never,
    defaultValues: { contributionId, state: "", body: "", clientRequestId },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const result = await answerProposalAction(values as AnswerInput);
      if (result.ok) {
        router.push(`/reponses/${contributionId}?repondu=1#reponses`);
        router.refresh();
        return;
      }
      let focused = false;
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0] && (field === "state" || field === "body")) {
          form.setError(field, { message: messages[0] }, { shouldFocus: !focused });
          focused = true;
        }
      }
      if (!focused) setOutcome((o) => ({ message: result.message, n: (o?.n ?? 0) + 1, signIn: result.code === "UNAUTHENTICATED" }));
    } catch {
      setOutcome((o) => ({ message: "L'envoi n'a pas abouti. Vérifiez votre connexion à Internet, puis réessayez : votre texte est conservé.", n: (o?.n ?? 0) + 1 }));
    }
  });

  const bodyHint = `Texte simple, ${ANSWER_BODY_MAX} caractères au plus. Laissez une ligne vide entre deux paragraphes. Il sera public, signé : ${signature}.`;

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-6" aria-label="Répondre à la proposition">
      {outcome ? (
        <div key={outcome.n}>
          <FormMessage kind="error">
            {outcome.message}
            {outcome.signIn ? (
              <>
                {" "}
                <a className="underline" href={`/connexion?callbackUrl=${encodeURIComponent(`/reponses/${contributionId}`)}`} target="_blank" rel="noopener">
                  Se reconnecter dans un nouvel onglet
                </a>
                , puis renvoyez la réponse : votre texte est gardé ici.
              </>
            ) : null}
          </FormMessage>
        </div>
      ) : null}
      <input type="hidden" {...form.register("clientRequestId")} />
      <input type="hidden" {...form.register("contributionId")} />
      <Field id="reponse-etat" label="Où en est la proposition ?" error={errors.state?.message}>
        <select id="reponse-etat" className={inputClass} {...describedBy("reponse-etat", null, errors.state?.message)} {...form.register("state")}>
          <option value="">Choisissez</option>
          {answerStates.map((s) => (
            <option key={s} value={s}>
              {answerStateLabels[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reponse-texte" label="La réponse de la Ville" hint={bodyHint} error={errors.body?.message}>
        <textarea id="reponse-texte" rows={8} className={inputClass} {...describedBy("reponse-texte", bodyHint, errors.body?.message)} {...form.register("body")} />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Publication…" : "Publier la réponse"}
        </button>
      </div>
    </form>
  );
}
