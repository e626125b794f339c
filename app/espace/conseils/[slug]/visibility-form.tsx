"use client";

import { secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { setNameVisibilityAction } from "./actions";

/** My own choice: show my name on the council's public page, or not (the default). One button that turns it over. */
export function VisibilityForm({ councilId, councilSlug, visible }: { councilId: number; councilSlug: string; visible: boolean }) {
  const { state, pending, formAction, formProps } = useFormAction({ action: setNameVisibilityAction });
  return (
    <form
      action={formAction}
      {...formProps}
      className="flex flex-col items-start gap-4"
      aria-label="Mon nom sur la page publique du conseil"
    >
      <p>
        {visible ? (
          <>
            Votre nom <strong>est affiché</strong> sur la page publique du conseil, parmi ses membres.
          </>
        ) : (
          <>
            Votre nom <strong>n&apos;est pas affiché</strong> sur la page publique du conseil : on y voit seulement le nombre de membres.
          </>
        )}
      </p>
      <FormStatus state={state} returnTo={`/espace/conseils/${councilSlug}`} />
      <input type="hidden" name="councilId" value={councilId} />
      {/* The page comes back with the new choice: the button always asks for the other one. */}
      <input type="hidden" name="visible" value={String(!visible)} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Enregistrement…" : visible ? "Ne plus afficher mon nom publiquement" : "Afficher mon nom publiquement"}
      </button>
    </form>
  );
}
