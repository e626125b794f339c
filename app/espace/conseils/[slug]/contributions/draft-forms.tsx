"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import { commentDraftAction, submitContributionAction, withdrawContributionAction, type FormState } from "./actions";

/* Forms of a draft: they work without JavaScript too (server actions), and keep typed text on errors. */

export function CommentForm({ contributionId }: { contributionId: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(commentDraftAction, null);
  const id = `commentaire-${contributionId}`;
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="contributionId" value={contributionId} />
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
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

export function SubmitForm({ id, councilSlug }: { id: number; councilSlug: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitContributionAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Envoi…" : "Soumettre à la modération"}
        </button>
      </div>
    </form>
  );
}

export function WithdrawForm({ id, councilSlug }: { id: number; councilSlug: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(withdrawContributionAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="councilSlug" value={councilSlug} />
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Envoi…" : "Retirer de la modération"}
        </button>
      </div>
    </form>
  );
}
