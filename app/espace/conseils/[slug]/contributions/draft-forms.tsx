"use client";

import { HiddenInputErrors } from "@/components/contributions/hidden-input-errors";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { COMMENT_MAX, commentSchema, contributionStepSchema } from "@/lib/validation/contribution";
import { commentDraftAction, submitContributionAction, withdrawContributionAction } from "./actions";

/*
 * Forms of an item in the council's list: they work without JavaScript too (each posts to its
 * server action), and keep typed text on errors. `label` names the item (its heading), so that each
 * form of the page has its own accessible name.
 */

export function CommentForm({ contributionId, councilSlug, label }: { contributionId: number; councilSlug: string; label: string }) {
  const defaultValues = { contributionId: String(contributionId), body: "" };
  const { field, error, state, pending, formAction, formProps } = useFormAction({
    action: commentDraftAction,
    schema: commentSchema,
    defaultValues,
    // The comment is in the refreshed list: the box is ready for the next one.
    onSuccess: (_state, form) => form.reset(defaultValues),
  });
  const id = `commentaire-${contributionId}`;
  const hint = `${COMMENT_MAX} caractères au plus.`;
  return (
    <form action={formAction} {...formProps} className="mt-4 flex flex-col gap-2" aria-label={`Commenter : ${label}`}>
      <input type="hidden" {...field("contributionId")} />
      <FormStatus state={state} returnTo={`/espace/conseils/${councilSlug}/contributions#contribution-${contributionId}`} />
      <HiddenInputErrors messages={[error("contributionId")]} />
      <Field id={id} label="Commenter ce brouillon (visible des membres du conseil seulement)" hint={hint} error={error("body")}>
        <textarea id={id} rows={3} className={inputClass} {...describedBy(id, hint, error("body"))} {...field("body")} />
      </Field>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Envoi…" : "Ajouter le commentaire"}
        </button>
      </div>
    </form>
  );
}

/** One button that moves an item of the council: a draft to moderation, or a pending item back. */
function StepForm({ id, councilSlug, label, step }: { id: number; councilSlug: string; label: string; step: "submit" | "withdraw" }) {
  const { field, error, state, pending, formAction, formProps } = useFormAction({
    action: step === "submit" ? submitContributionAction : withdrawContributionAction,
    schema: contributionStepSchema,
    defaultValues: { id: String(id) },
  });
  const name = step === "submit" ? "Soumettre à la modération" : "Retirer de la modération";
  return (
    <form action={formAction} {...formProps} className="mt-4 flex flex-col gap-2" aria-label={`${name} : ${label}`}>
      <input type="hidden" {...field("id")} />
      <FormStatus state={state} returnTo={`/espace/conseils/${councilSlug}/contributions#contribution-${id}`} />
      <HiddenInputErrors messages={[error("id")]} />
      <div>
        <button type="submit" className={step === "submit" ? buttonClass : secondaryButtonClass} disabled={pending}>
          {pending ? "Envoi…" : name}
        </button>
      </div>
    </form>
  );
}

type StepProps = { id: number; councilSlug: string; label: string };
export const SubmitForm = (props: StepProps) => <StepForm {...props} step="submit" />;
export const WithdrawForm = (props: StepProps) => <StepForm {...props} step="withdraw" />;
