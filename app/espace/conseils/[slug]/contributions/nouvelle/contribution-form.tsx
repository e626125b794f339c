"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { HiddenInputErrors } from "@/components/contributions/hidden-input-errors";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormState } from "@/lib/form-state";
import {
  CONTRIBUTION_BODY_MAX,
  CONTRIBUTION_TITLE_MAX,
  contributionSchema,
  editPendingSchema,
  positionLabels,
  positions,
  type Position,
} from "@/lib/validation/contribution";
import { createDraftAction, editPendingAction } from "../actions";
import { keepText, keptTextKey, readKeptText, type KeptText, type KeptTextOf } from "../kept-text";

type Kind = "feedback" | "proposal";

/** A pending item being corrected by its council (the fiche and the kind stay). */
export interface EditedContribution {
  id: number;
  actionTitle: string;
  title: string | null;
  position: Position | null;
  body: string;
}

/**
 * A new avis or proposition, saved as a draft of the council. The same schema as the server; the
 * kind, the council and the request id are hidden inputs, so the form also posts without
 * JavaScript. The typed text is kept on every error, and in this browser until it is saved.
 */
export function NewContributionForm({
  kind,
  councilId,
  councilSlug,
  actions,
  defaultActionSlug,
  clientRequestId,
}: {
  kind: Kind;
  councilId: number;
  councilSlug: string;
  actions: { slug: string; title: string }[];
  defaultActionSlug: string;
  clientRequestId: string;
}) {
  const common = { councilId: String(councilId), actionSlug: defaultActionSlug, body: "", clientRequestId };
  const { form, field, radio, error, state, pending, formAction, formProps } = useFormAction({
    action: createDraftAction,
    schema: contributionSchema,
    defaultValues: kind === "feedback" ? { kind, ...common } : { kind, title: "", ...common },
  });
  // A fiche given by the link (« Donner l'avis de votre conseil » on a fiche) wins over the kept one.
  const hydrated = useKeptText({ councilSlug, kind }, form, defaultActionSlug ? keptTexts : keptTextsAndFiche);
  const ficheError = error("actionSlug");

  return (
    <form
      action={formAction}
      {...formProps}
      className="flex max-w-2xl flex-col gap-6"
      aria-label={kind === "feedback" ? "Nouvel avis" : "Nouvelle proposition"}
    >
      <Status
        state={state}
        hydrated={hydrated}
        returnTo={`/espace/conseils/${councilSlug}/contributions/nouvelle?type=${kind === "feedback" ? "avis" : "proposition"}`}
      />
      <HiddenInputErrors messages={[error("kind"), error("councilId"), error("clientRequestId")]} />
      <input type="hidden" {...field("kind")} />
      <input type="hidden" {...field("councilId")} />
      <input type="hidden" {...field("clientRequestId")} />
      <Field id="contribution-fiche" label="Fiche action concernée" error={ficheError}>
        <select
          id="contribution-fiche"
          className={inputClass}
          {...describedBy("contribution-fiche", null, ficheError)}
          {...field("actionSlug")}
        >
          <option value="">Choisissez une fiche action</option>
          {actions.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.title}
            </option>
          ))}
        </select>
      </Field>
      <TextFields kind={kind} field={field} radio={radio} error={error} />
      <SaveButton pending={pending} label="Enregistrer le brouillon" />
    </form>
  );
}

/** The correction of an item waiting for moderation: its id and kind are hidden inputs. */
export function EditPendingForm({ kind, councilSlug, editing }: { kind: Kind; councilSlug: string; editing: EditedContribution }) {
  const { form, field, radio, error, state, pending, formAction, formProps } = useFormAction({
    action: editPendingAction,
    schema: editPendingSchema,
    defaultValues:
      kind === "feedback"
        ? { id: String(editing.id), kind, position: editing.position ?? undefined, body: editing.body }
        : { id: String(editing.id), kind, title: editing.title ?? "", body: editing.body },
  });
  const hydrated = useKeptText({ editedId: editing.id }, form, keptTexts);

  return (
    <form
      action={formAction}
      {...formProps}
      className="flex max-w-2xl flex-col gap-6"
      aria-label={kind === "feedback" ? "Modifier l'avis" : "Modifier la proposition"}
    >
      <Status state={state} hydrated={hydrated} returnTo={`/espace/conseils/${councilSlug}/contributions/${editing.id}/modifier`} />
      <HiddenInputErrors messages={[error("kind"), error("id")]} />
      <input type="hidden" {...field("id")} />
      <input type="hidden" {...field("kind")} />
      <p>
        Fiche action concernée : <strong>{editing.actionTitle}</strong>
      </p>
      <TextFields kind={kind} field={field} radio={radio} error={error} />
      <SaveButton pending={pending} label="Enregistrer les modifications" />
    </form>
  );
}

/** What both forms keep in this browser: the fields a person types or picks. */
const keptTexts = ["body", "title", "position"] as const;
const keptTextsAndFiche = [...keptTexts, "actionSlug"] as const;

interface KeepingForm<N extends keyof KeptText> {
  setValue(name: N, value: string): void;
  watch(callback: (values: KeptText) => void): { unsubscribe(): void };
}

/**
 * Restores the text typed before (session expired, page closed), then keeps it while typing (see
 * ../kept-text.tsx for when it is forgotten). Returns true once it runs: the browser has JavaScript.
 */
function useKeptText<N extends keyof KeptText>(of: KeptTextOf, form: KeepingForm<NoInfer<N>>, restored: readonly N[]): boolean {
  const key = keptTextKey(of);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    const saved = readKeptText(key);
    for (const name of restored) {
      const value = saved?.[name];
      if (value) form.setValue(name, value);
    }
    const sub = form.watch((v) => keepText(key, { body: v.body, title: v.title, position: v.position, actionSlug: v.actionSlug }));
    // Said once the browser's copy is read: the note about the kept text is true only from then on.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHydrated(true);
    return () => sub.unsubscribe();
  }, [form, key, restored]);
  return hydrated;
}

/** The answer of the last save. A session that expired: sign in again and come back, the text waits here. */
function Status({ state, hydrated, returnTo }: { state: FormState<unknown>; hydrated: boolean; returnTo: string }) {
  const expired = state.result && !state.result.ok && state.result.code === "UNAUTHENTICATED";
  return (
    <>
      <FormStatus state={state} returnTo={returnTo} />
      {expired && hydrated ? (
        <p>Votre texte est gardé dans ce navigateur : après vous être reconnecté·e, revenez sur cette page pour l&apos;enregistrer.</p>
      ) : null}
    </>
  );
}

function SaveButton({ pending, label }: { pending: boolean; label: string }) {
  return (
    <div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Enregistrement…" : label}
      </button>
    </div>
  );
}

type InputProps = UseFormRegisterReturn & { defaultValue?: string };
type RadioProps = UseFormRegisterReturn & { value: string; defaultChecked: boolean };

/** The position (an avis) or the title (a proposition), then the text. */
export function TextFields({
  kind,
  field,
  radio,
  error,
}: {
  kind: Kind;
  field: (name: "title" | "body") => InputProps;
  radio: (name: "position", value: string) => RadioProps;
  error: (name: string) => string | undefined;
}) {
  const bodyHint = `Texte simple, ${CONTRIBUTION_BODY_MAX} caractères au plus. Laissez une ligne vide entre deux paragraphes.`;
  const bodyLabel: ReactNode = kind === "feedback" ? "Les raisons du conseil" : "Le texte de la proposition";
  const positionError = error("position");
  const titleError = error("title");
  const bodyError = error("body");
  return (
    <>
      {kind === "feedback" ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={positionError ? "contribution-position-erreur" : undefined}>
          <legend className="mb-1 font-semibold text-slate-900">Position du conseil</legend>
          {positions.map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-3 py-1">
              <input
                type="radio"
                className="h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
                {...radio("position", value)}
              />
              <span>{positionLabels[value]}</span>
            </label>
          ))}
          {positionError ? (
            <p id="contribution-position-erreur" className="text-sm font-semibold text-red-800">
              <span aria-hidden="true">⚠ </span>
              {positionError}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <Field
          id="contribution-titre"
          label="Titre de la proposition"
          hint={`${CONTRIBUTION_TITLE_MAX} caractères au plus.`}
          error={titleError}
        >
          <input
            id="contribution-titre"
            type="text"
            className={inputClass}
            {...describedBy("contribution-titre", true, titleError)}
            {...field("title")}
          />
        </Field>
      )}
      <Field id="contribution-texte" label={bodyLabel} hint={bodyHint} error={bodyError}>
        <textarea
          id="contribution-texte"
          rows={10}
          className={inputClass}
          {...describedBy("contribution-texte", bodyHint, bodyError)}
          {...field("body")}
        />
      </Field>
    </>
  );
}
