"use client";

import { actionArchiveFormSchema } from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { ReversibleActionForm } from "../reversible-action-form";

const texts = {
  act: {
    formLabel: "Archiver la fiche",
    explanation:
      "La fiche disparaît des listes du site public (accueil, thématiques, choix d'une nouvelle contribution). Sa page reste à la même adresse et indique « Fiche archivée », avec ses points d'étape et ses contributions. Rien n'est effacé, et vous pourrez la remettre dans les listes.",
    button: "Archiver la fiche",
  },
  undo: {
    formLabel: "Remettre la fiche dans les listes",
    explanation: "La fiche réapparaîtra sur l'accueil et sous ses thématiques.",
    button: "Remettre la fiche dans les listes",
  },
};

/** Archive a fiche (or bring it back), with a required reason. */
export function ActionArchiveForm<T>({ actionId, archived, action }: { actionId: number; archived: boolean; action: FormAction<T> }) {
  return (
    <ReversibleActionForm
      action={action}
      schema={actionArchiveFormSchema}
      idName="actionId"
      idValue={actionId}
      change={{ act: "archive", undo: "unarchive" }}
      done={archived}
      reasonId="archivage-fiche-raison"
      texts={texts}
      returnTo={`/admin/plan/fiches/${actionId}`}
    />
  );
}
