"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/admin/checkbox";
import { buttonClass, FormMessage } from "@/components/form/field";
import { notificationKindLabels, type NotificationKindName } from "@/lib/validation/settings";
import { savePreferencesAction, type PreferencesState } from "../actions";

/** One checkbox per kind of notification I can receive. A plain form post: works without JavaScript. */
export function PreferencesForm({ kinds, emailOn }: { kinds: NotificationKindName[]; emailOn: NotificationKindName[] }) {
  const [state, formAction, pending] = useActionState<PreferencesState, FormData>(savePreferencesAction, null);
  const checked = new Set(state?.email ?? emailOn);
  return (
    <form action={formAction} aria-label="Mes courriels de notification" className="flex max-w-2xl flex-col gap-6">
      {state ? (
        <div key={state.n}>
          <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
        </div>
      ) : null}
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-2 font-semibold text-slate-900">Recevoir un courriel quand…</legend>
        {kinds.map((kind) => (
          <Checkbox
            key={`${kind}-${state?.n ?? 0}`}
            id={`courriel-${kind}`}
            name="email"
            value={kind}
            defaultChecked={checked.has(kind)}
            label={notificationKindLabels[kind]}
          />
        ))}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer mes choix"}
        </button>
      </div>
    </form>
  );
}
