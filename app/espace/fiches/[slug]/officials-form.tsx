"use client";

import { buttonClass, FormMessage } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { setActionOfficialsSchema } from "@/lib/validation/progress";
import { setOfficialsAction } from "./actions";

/** Admins name the officials in charge of a fiche: one checkbox per active official. */
export function OfficialsForm({
  actionSlug,
  officials,
  inCharge,
}: {
  actionSlug: string;
  officials: { id: number; displayName: string; title: string | null }[];
  inCharge: number[];
}) {
  const { field, checkbox, state, pending, error, formAction, formProps } = useFormAction({
    action: setOfficialsAction,
    schema: setActionOfficialsSchema,
    defaultValues: { actionSlug, userIds: inCharge.map(String) },
  });
  if (officials.length === 0) {
    return <p>Aucun compte d&apos;élu·e actif : invitez d&apos;abord les élu·e·s depuis l&apos;administration des utilisateurs.</p>;
  }
  // A wrong id is refused at its place in the list (`userIds.0`…): one message for the group.
  const message = error("userIds") ?? officials.map((_, i) => error(`userIds.${i}`)).find(Boolean);
  return (
    <form action={formAction} {...formProps} aria-label="Élu·e·s en charge" className="flex flex-col gap-4">
      <FormStatus state={state} returnTo={`/espace/fiches/${actionSlug}`} />
      {error("actionSlug") ? <FormMessage kind="error">{error("actionSlug")}</FormMessage> : null}
      <input type="hidden" {...field("actionSlug")} />
      <fieldset aria-describedby={message ? "elus-erreur" : undefined}>
        <legend className="font-semibold">Élu·e·s en charge de cette fiche</legend>
        {message ? (
          <p id="elus-erreur" className="text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {message}
          </p>
        ) : null}
        <ul className="mt-2 space-y-2">
          {officials.map((o) => (
            <li key={o.id} className="flex items-start gap-3">
              <input id={`elu-${o.id}`} type="checkbox" className="mt-1 h-6 w-6 shrink-0" {...checkbox("userIds", String(o.id))} />
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
