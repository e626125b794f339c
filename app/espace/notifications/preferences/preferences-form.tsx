"use client";

import { Checkbox } from "@/components/admin/checkbox";
import { buttonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { notificationKindLabels, notificationPreferencesSchema, type NotificationKindName } from "@/lib/validation/settings";
import { savePreferencesAction } from "../actions";

/** One checkbox per kind of notification I can receive. Works without JavaScript. */
export function PreferencesForm({ kinds, emailOn }: { kinds: NotificationKindName[]; emailOn: NotificationKindName[] }) {
  const { checkbox, state, pending, formAction, formProps } = useFormAction({
    action: savePreferencesAction,
    schema: notificationPreferencesSchema,
    defaultValues: { shown: kinds, email: emailOn },
  });
  return (
    <form action={formAction} {...formProps} aria-label="Mes courriels de notification" className="flex max-w-2xl flex-col gap-6">
      <FormStatus state={state} returnTo="/espace/notifications/preferences" />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-2 font-semibold text-slate-900">Recevoir un courriel quand…</legend>
        {kinds.map((kind) => (
          <input key={`montre-${kind}`} type="hidden" name="shown" value={kind} />
        ))}
        {kinds.map((kind) => (
          <Checkbox key={kind} id={`courriel-${kind}`} label={notificationKindLabels[kind]} {...checkbox("email", kind)} />
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
