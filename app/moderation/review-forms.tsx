"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/form/field";
import { StateMessage } from "@/components/moderation/state-message";
import { ReasonWithTemplate, type TemplateOption } from "@/components/moderation/reason-with-template";
import { hideAction, keepAction, type DecisionState } from "./actions";

const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-5 py-2 font-semibold text-red-900 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

/** « Masquer » a published or reported item, with a required reason (template + free text). Works without JavaScript. */
export function HideForm({
  id,
  headingId,
  from,
  filters = "",
  templates,
}: {
  id: number;
  headingId: string;
  from: "publiees" | "signalements";
  filters?: string;
  templates: TemplateOption[];
}) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(hideAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2 border-t border-slate-300 pt-4">
      <StateMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="depuis" value={from} />
      <input type="hidden" name="filtres" value={filters} />
      <ReasonWithTemplate
        key={state?.n ?? 0}
        idPrefix={`masquer-${id}`}
        label="Raison du masquage (inscrite au journal ; le conseil la lira, le public jamais)"
        templates={templates}
        defaultReason={state && !state.ok ? state.reason : ""}
        defaultTemplateId={state && !state.ok ? state.templateId : ""}
        error={state?.fieldError}
      />
      <div>
        <button type="submit" className={dangerButtonClass} disabled={pending} aria-describedby={headingId}>
          {pending ? "Masquage…" : "Masquer"}
        </button>
      </div>
    </form>
  );
}

/** « Garder publié » (reports classed) or « Republier » (an item hidden by reports comes back). */
export function KeepForm({ id, headingId, republish }: { id: number; headingId: string; republish: boolean }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(keepAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2 border-t border-slate-300 pt-4">
      <StateMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending} aria-describedby={headingId}>
          {pending ? "Enregistrement…" : republish ? "Republier" : "Garder publié"}
        </button>
      </div>
    </form>
  );
}
