"use client";

import { HiddenInputErrors } from "@/components/contributions/hidden-input-errors";
import { buttonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { supportSchema } from "@/lib/validation/contribution";
import { supportProposalAction } from "./actions";

/** One button: the support of one of the person's councils. Works before hydration too (a plain POST). */
export function SupportForm({ contributionId, council }: { contributionId: number; council: { id: number; name: string } }) {
  const { field, error, state, pending, formAction, formProps } = useFormAction({
    action: supportProposalAction,
    schema: supportSchema,
    defaultValues: { contributionId: String(contributionId), councilId: String(council.id) },
  });
  return (
    <form action={formAction} {...formProps} className="mt-2 flex flex-col gap-2" aria-label={`Soutien du ${council.name}`}>
      <input type="hidden" {...field("contributionId")} />
      <input type="hidden" {...field("councilId")} />
      <FormStatus state={state} returnTo={`/espace/soutenir/${contributionId}`} />
      <HiddenInputErrors messages={[error("contributionId"), error("councilId")]} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          Soutenir au nom du {council.name}
        </button>
      </div>
    </form>
  );
}
