"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/form/field";
import { StateMessage } from "@/components/moderation/state-message";
import { ReasonWithTemplate, type TemplateOption } from "@/components/moderation/reason-with-template";
import { approveAction, bulkAction, rejectAction, type DecisionState } from "./actions";

const latest = (...states: DecisionState[]) => states.filter((s): s is NonNullable<DecisionState> => s !== null).sort((a, b) => b.n - a.n)[0];

/*
 * Approve or reject one item. Server actions: they also work without JavaScript. `version` is the
 * text the moderator reads: if the council edits it meanwhile, the decision is refused.
 */
export function DecisionForms({ id, filters, version, templates }: { id: number; filters: string; version: string; templates: TemplateOption[] }) {
  const [approved, approve, approving] = useActionState<DecisionState, FormData>(approveAction, null);
  const [rejected, reject, rejecting] = useActionState<DecisionState, FormData>(rejectAction, null);
  const state = latest(approved, rejected);
  return (
    <div className="mt-4 flex flex-col gap-4 border-t border-slate-300 pt-4">
      <StateMessage state={state} />
      <form action={approve}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="filtres" value={filters} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className={buttonClass} disabled={approving || rejecting} aria-describedby={`file-${id}`}>
          {approving ? "Approbation…" : "Approuver et publier"}
        </button>
      </form>
      <form action={reject} className="flex flex-col gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="filtres" value={filters} />
        <input type="hidden" name="version" value={version} />
        <ReasonWithTemplate
          key={rejected?.n ?? 0}
          idPrefix={`refus-${id}`}
          label="Raison du refus (le conseil la lira, le public jamais)"
          templates={templates}
          defaultReason={rejected && !rejected.ok ? rejected.reason : ""}
          defaultTemplateId={rejected && !rejected.ok ? rejected.templateId : ""}
        />
        <div>
          <button type="submit" className={secondaryButtonClass} disabled={approving || rejecting} aria-describedby={`file-${id}`}>
            {rejecting ? "Refus…" : "Refuser avec cette raison"}
          </button>
        </div>
      </form>
    </div>
  );
}

/** « Approuver la sélection » / « Refuser la sélection »: the checkboxes of the items belong to this form (form attribute). */
export function BulkDecisionForm({ formId, filters, templates }: { formId: string; filters: string; templates: TemplateOption[] }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(bulkAction, null);
  // With JavaScript, the form is sent without React's reset after the action: a refused attempt
  // (no reason) keeps the ticked items. Without JavaScript, the plain form post does the same job.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
  return (
    <form id={formId} action={action} onSubmit={onSubmit} aria-labelledby={`${formId}-titre`} className="mt-6 flex flex-col gap-3 rounded-lg border-2 border-blue-900 bg-blue-50 p-4">
      <h3 id={`${formId}-titre`} className="text-lg font-bold">
        Décider plusieurs contributions à la fois
      </h3>
      <p>Cochez les contributions dans la liste ci-dessous, puis approuvez-les ou refusez-les ensemble. Chacune n&apos;est décidée qu&apos;une fois.</p>
      <StateMessage state={state} />
      <input type="hidden" name="filtres" value={filters} />
      <ReasonWithTemplate
        key={state?.n ?? 0}
        idPrefix="selection"
        label="Raison commune, pour refuser la sélection (le conseil la lira, le public jamais)"
        templates={templates}
        defaultReason={state && !state.ok ? state.reason : ""}
        defaultTemplateId={state && !state.ok ? state.templateId : ""}
        error={state?.fieldError}
        required={false}
      />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="approuver" className={buttonClass} disabled={pending}>
          Approuver la sélection
        </button>
        <button type="submit" name="decision" value="refuser" className={secondaryButtonClass} disabled={pending}>
          Refuser la sélection
        </button>
      </div>
    </form>
  );
}
