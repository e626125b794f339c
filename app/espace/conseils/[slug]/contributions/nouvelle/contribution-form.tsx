"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import {
  CONTRIBUTION_BODY_MAX,
  CONTRIBUTION_TITLE_MAX,
  contributionSchema,
  positionLabels,
  type ContributionInput,
} from "@/lib/validation/contribution";
import { createDraftAction, editPendingAction } from "../actions";

type Values = {
  kind: "feedback" | "proposal";
  councilId: number;
  actionSlug: string;
  position?: "favorable" | "favorable_with_reservations" | "unfavorable";
  title?: string;
  body: string;
  clientRequestId: string;
};

/** A pending item being corrected by its council (the fiche and the kind stay). */
export interface EditedContribution {
  id: number;
  actionSlug: string;
  actionTitle: string;
  title: string | null;
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  body: string;
}

/**
 * A new avis or proposition, saved as a draft of the council — or, with `editing`, the correction
 * of an item waiting for moderation. The same schema as the server; the typed text is kept on
 * every error, and in this browser until it is saved (a session that expired, a network error:
 * sign in again and come back, the text is still here).
 */
export function ContributionForm({
  kind,
  councilId,
  councilSlug,
  actions,
  defaultActionSlug,
  clientRequestId,
  editing,
}: {
  kind: "feedback" | "proposal";
  councilId: number;
  councilSlug: string;
  actions: { slug: string; title: string }[];
  defaultActionSlug: string;
  clientRequestId: string;
  editing?: EditedContribution;
}) {
  const router = useRouter();
  const storageKey = editing ? `contribution-modifiee:${editing.id}` : `contribution-en-cours:${councilSlug}:${kind}`;
  const [outcome, setOutcome] = useState<{ message: string; n: number; signIn?: boolean } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(contributionSchema) as never,
    defaultValues: editing
      ? { kind, councilId, actionSlug: editing.actionSlug, body: editing.body, title: editing.title ?? "", position: editing.position ?? undefined, clientRequestId }
      : { kind, councilId, actionSlug: defaultActionSlug, body: "", title: "", position: undefined, clientRequestId },
  });
  const { errors, isSubmitting } = form.formState;

  // Restores text typed before (session expired, page closed), then keeps it while typing.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Partial<Values> | null;
      if (saved) {
        if (saved.body) form.setValue("body", saved.body);
        if (saved.title) form.setValue("title", saved.title);
        if (saved.position) form.setValue("position", saved.position);
        if (saved.actionSlug && !defaultActionSlug) form.setValue("actionSlug", saved.actionSlug);
      }
    } catch {}
    const sub = form.watch((v) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ body: v.body, title: v.title, position: v.position, actionSlug: v.actionSlug }));
      } catch {}
    });
    return () => sub.unsubscribe();
  }, [form, storageKey, defaultActionSlug]);

  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const result = editing
        ? await editPendingAction(
            values.kind === "proposal"
              ? { id: editing.id, kind: "proposal", title: values.title ?? "", body: values.body }
              : { id: editing.id, kind: "feedback", position: values.position as "favorable", body: values.body },
          )
        : await createDraftAction(values as ContributionInput);
      if (result.ok) {
        try {
          localStorage.removeItem(storageKey);
        } catch {}
        router.push(`/espace/conseils/${councilSlug}/contributions?${editing ? "modifie" : "enregistre"}=${result.data.id}#contribution-${result.data.id}`);
        return;
      }
      let focused = false;
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0] && ["body", "title", "position", "actionSlug"].includes(field)) {
          form.setError(field as keyof Values, { message: messages[0] }, { shouldFocus: !focused });
          focused = true;
        }
      }
      if (!focused) setOutcome((o) => ({ message: result.message, n: (o?.n ?? 0) + 1, signIn: result.code === "UNAUTHENTICATED" }));
    } catch {
      setOutcome((o) => ({ message: "L'envoi n'a pas abouti. Vérifiez votre connexion à Internet, puis réessayez : votre texte est conservé.", n: (o?.n ?? 0) + 1 }));
    }
  });

  const here = editing
    ? `/espace/conseils/${councilSlug}/contributions/${editing.id}/modifier`
    : `/espace/conseils/${councilSlug}/contributions/nouvelle?type=${kind === "feedback" ? "avis" : "proposition"}`;
  const formLabel = editing ? (kind === "feedback" ? "Modifier l'avis" : "Modifier la proposition") : kind === "feedback" ? "Nouvel avis" : "Nouvelle proposition";
  const bodyHint = `Texte simple, ${CONTRIBUTION_BODY_MAX} caractères au plus. Laissez une ligne vide entre deux paragraphes.`;

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-6" aria-label={formLabel}>
      {outcome ? (
        <div key={outcome.n}>
          <FormMessage kind="error">
            {outcome.message}
            {outcome.signIn ? (
              <>
                {" "}
                <a className="underline" href={`/connexion?callbackUrl=${encodeURIComponent(here)}`}>
                  Se reconnecter
                </a>{" "}
                (votre texte est gardé dans ce navigateur).
              </>
            ) : null}
          </FormMessage>
        </div>
      ) : null}
      <input type="hidden" {...form.register("clientRequestId")} />
      {editing ? (
        <>
          <input type="hidden" {...form.register("actionSlug")} />
          <p>
            Fiche action concernée : <strong>{editing.actionTitle}</strong>
          </p>
        </>
      ) : (
        <Field id="contribution-fiche" label="Fiche action concernée" error={errors.actionSlug?.message}>
          <select id="contribution-fiche" className={inputClass} {...describedBy("contribution-fiche", null, errors.actionSlug?.message)} {...form.register("actionSlug")}>
            <option value="">Choisissez une fiche action</option>
            {actions.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind === "feedback" ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.position ? "contribution-position-erreur" : undefined}>
          <legend className="mb-1 font-semibold text-slate-900">Position du conseil</legend>
          {(Object.entries(positionLabels) as [keyof typeof positionLabels, string][]).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3 py-1">
              <input
                type="radio"
                value={value}
                className="h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
                {...form.register("position")}
              />
              <span>{label}</span>
            </label>
          ))}
          {errors.position?.message ? (
            <p id="contribution-position-erreur" className="text-sm font-semibold text-red-800">
              <span aria-hidden="true">⚠ </span>
              {errors.position.message}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <Field id="contribution-titre" label="Titre de la proposition" hint={`${CONTRIBUTION_TITLE_MAX} caractères au plus.`} error={errors.title?.message}>
          <input
            id="contribution-titre"
            type="text"
            className={inputClass}
            {...describedBy("contribution-titre", true, errors.title?.message)}
            {...form.register("title")}
          />
        </Field>
      )}
      <Field id="contribution-texte" label={kind === "feedback" ? "Les raisons du conseil" : "Le texte de la proposition"} hint={bodyHint} error={errors.body?.message}>
        <textarea id="contribution-texte" rows={10} className={inputClass} {...describedBy("contribution-texte", bodyHint, errors.body?.message)} {...form.register("body")} />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : editing ? "Enregistrer les modifications" : "Enregistrer le brouillon"}
        </button>
      </div>
    </form>
  );
}
