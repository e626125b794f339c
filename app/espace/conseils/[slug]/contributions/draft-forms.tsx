"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import { commentDraftAction, submitContributionAction, withdrawContributionAction, type FormState } from "./actions";

/* Forms of a draft: they work without JavaScript too (server actions), and keep typed text on errors. */

/** The outcome of the last send, announced (status or alert); keyed so a repeated message is read again. */
function StateMessage({ state }: { state: FormState }) {
  if (!state) return null;
  return (
    <div key={state.n}>
      <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
    </div>
  );
}

export function CommentForm({ contributionId }: { contributionId: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(commentDraftAction, null);
  const id = `commentaire-${contributionId}`;
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="contributionId" value={contributionId} />
      <StateMessage state={state} />
      <label htmlFor={id} className="font-semibold text-slate-900">
        Commenter ce brouillon (visible des membres du conseil seulement)
      </label>
      <textarea id={id} name="body" rows={3} className={inputClass} defaultValue={state && !state.ok ? state.body : ""} key={state?.n ?? 0} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Envoi…" : "Ajouter le commentaire"}
        </button>
      </div>
    </form>
  );
}

/** One button that moves an item of the council: a draft to moderation, or a pending item back. */
function StepForm({ id, councilSlug, step }: { id: number; councilSlug: string; step: "submit" | "withdraw" }) {
  const [state, action, pending] = useActionState<FormState, FormData>(step === "submit" ? submitContributionAction : withdrawContributionAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      <StateMessage state={state} />
      <div>
        <button type="submit" className={step === "submit" ? buttonClass : secondaryButtonClass} disabled={pending}>
          {pending ? "Envoi…" : step === "submit" ? "Soumettre à la modération" : "Retirer de la modération"}
        </button>
      </div>
    </form>
  );
}

export const SubmitForm = (props: { id: number; councilSlug: string }) => <StepForm {...props} step="submit" />;
export const WithdrawForm = (props: { id: number; councilSlug: string }) => <StepForm {...props} step="withdraw" />;
