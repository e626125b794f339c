"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage } from "@/components/form/field";
import { submissionPolicies, submissionPolicyLabels, type SubmissionPolicy } from "@/lib/validation/settings";
import { updateSubmissionPolicyAction, type PolicyState } from "./actions";

const hints: Record<SubmissionPolicy, string> = {
  any_member: "Chaque membre peut envoyer un brouillon du conseil à la Ville pour relecture.",
  referents_only: "Les membres écrivent et commentent les brouillons ; seul·e·s les référent·e·s les envoient à la Ville.",
};

/** Who may submit the council's drafts to moderation. A plain form post: works without JavaScript. */
export function SubmissionPolicyForm({ councilId, current }: { councilId: number; current: SubmissionPolicy }) {
  const [state, formAction, pending] = useActionState<PolicyState, FormData>(updateSubmissionPolicyAction, null);
  const selected = state?.policy ?? current;
  return (
    <form action={formAction} aria-label="Soumission à la modération" className="flex max-w-2xl flex-col gap-6">
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <input type="hidden" name="councilId" value={councilId} />
      <fieldset className="flex flex-col gap-2" aria-describedby={state?.error ? "politique-erreur" : undefined}>
        <legend className="mb-1 font-semibold text-slate-900">Qui peut soumettre une contribution à la modération ?</legend>
        {submissionPolicies.map((policy) => (
          <div key={`${policy}-${state?.n ?? 0}`} className="flex min-h-11 items-start gap-3 py-1">
            <input
              id={`politique-${policy}`}
              type="radio"
              name="policy"
              value={policy}
              defaultChecked={selected === policy}
              aria-describedby={`politique-${policy}-aide`}
              className="mt-1 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
            />
            <div>
              <label htmlFor={`politique-${policy}`} className="font-semibold text-slate-900">
                {submissionPolicyLabels[policy]}
              </label>
              <p id={`politique-${policy}-aide`} className="text-base text-slate-700">
                {hints[policy]}
              </p>
            </div>
          </div>
        ))}
        {state?.error ? (
          <p id="politique-erreur" className="text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {state.error}
          </p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </button>
      </div>
    </form>
  );
}
