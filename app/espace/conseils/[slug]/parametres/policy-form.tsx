"use client";

import { buttonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { submissionPolicies, submissionPolicyLabels, submissionPolicySchema, type SubmissionPolicy } from "@/lib/validation/settings";
import { updateSubmissionPolicyAction } from "./actions";

const hints: Record<SubmissionPolicy, string> = {
  any_member: "Chaque membre peut envoyer un brouillon du conseil à la Ville pour relecture.",
  referents_only: "Les membres écrivent et commentent les brouillons ; seul·e·s les référent·e·s les envoient à la Ville.",
};

/** Who may submit the council's drafts to moderation. Works without JavaScript. */
export function SubmissionPolicyForm({
  councilId,
  councilSlug,
  current,
}: {
  councilId: number;
  councilSlug: string;
  current: SubmissionPolicy;
}) {
  const { field, radio, state, pending, error, formAction, formProps } = useFormAction({
    action: updateSubmissionPolicyAction,
    schema: submissionPolicySchema,
    defaultValues: { councilId: String(councilId), policy: current },
  });
  const policyError = error("policy");
  return (
    <form action={formAction} {...formProps} aria-label="Soumission à la modération" className="flex max-w-2xl flex-col gap-6">
      <FormStatus state={state} returnTo={`/espace/conseils/${councilSlug}/parametres`} />
      <input type="hidden" {...field("councilId")} />
      <fieldset className="flex flex-col gap-2" aria-describedby={policyError ? "politique-erreur" : undefined}>
        <legend className="mb-1 font-semibold text-slate-900">Qui peut soumettre une contribution à la modération ?</legend>
        {submissionPolicies.map((policy) => (
          <div key={policy} className="flex min-h-11 items-start gap-3 py-1">
            <input
              id={`politique-${policy}`}
              type="radio"
              aria-describedby={`politique-${policy}-aide`}
              className="mt-1 h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
              {...radio("policy", policy)}
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
        {policyError ? (
          <p id="politique-erreur" className="text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {policyError}
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
