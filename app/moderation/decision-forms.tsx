"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import { approveAction, rejectAction, type DecisionState } from "./actions";

/* Approve or reject one item. Server actions: they also work without JavaScript. */
export function DecisionForms({ id, filters }: { id: number; filters: string }) {
  const [approved, approve, approving] = useActionState<DecisionState, FormData>(approveAction, null);
  const [rejected, reject, rejecting] = useActionState<DecisionState, FormData>(rejectAction, null);
  const state = [approved, rejected].filter((s): s is NonNullable<DecisionState> => s !== null).sort((a, b) => b.n - a.n)[0];
  const reasonId = `raison-${id}`;
  return (
    <div className="mt-4 flex flex-col gap-4 border-t border-slate-300 pt-4">
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <form action={approve}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="filtres" value={filters} />
        <button type="submit" className={buttonClass} disabled={approving || rejecting} aria-describedby={`file-${id}`}>
          {approving ? "Approbation…" : "Approuver et publier"}
        </button>
      </form>
      <form action={reject} className="flex flex-col gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="filtres" value={filters} />
        <label htmlFor={reasonId} className="font-semibold text-slate-900">
          Raison du refus (le conseil la lira, le public jamais)
        </label>
        <textarea id={reasonId} name="reason" rows={3} className={inputClass} defaultValue={rejected && !rejected.ok ? rejected.reason : ""} key={rejected?.n ?? 0} />
        <div>
          <button type="submit" className={secondaryButtonClass} disabled={approving || rejecting} aria-describedby={`file-${id}`}>
            {rejecting ? "Refus…" : "Refuser avec cette raison"}
          </button>
        </div>
      </form>
    </div>
  );
}
