"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage } from "@/components/form/field";
import { setOfficialsAction, type OfficialsState } from "./actions";

/** Admins name the officials in charge of a fiche. A plain form: it works without JavaScript. */
export function OfficialsForm({
  actionSlug,
  officials,
  inCharge,
}: {
  actionSlug: string;
  officials: { id: number; displayName: string; title: string | null }[];
  inCharge: number[];
}) {
  const [state, action, pending] = useActionState<OfficialsState, FormData>(setOfficialsAction, null);
  if (officials.length === 0) {
    return <p>Aucun compte d&apos;élu·e actif : invitez d&apos;abord les élu·e·s depuis l&apos;administration des utilisateurs.</p>;
  }
  return (
    <form action={action} aria-label="Élu·e·s en charge" className="flex flex-col gap-4">
      <input type="hidden" name="actionSlug" value={actionSlug} />
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <fieldset>
        <legend className="font-semibold">Élu·e·s en charge de cette fiche</legend>
        <ul className="mt-2 space-y-2">
          {officials.map((o) => (
            <li key={o.id} className="flex items-start gap-3">
              <input id={`elu-${o.id}`} type="checkbox" name="userIds" value={o.id} defaultChecked={inCharge.includes(o.id)} className="mt-1 h-6 w-6 shrink-0" />
              <label htmlFor={`elu-${o.id}`}>
                {o.displayName}
                {o.title ? <span className="text-slate-700"> — {o.title}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </button>
      </div>
    </form>
  );
}
