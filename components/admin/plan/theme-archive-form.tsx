"use client";

import { themeArchiveFormSchema } from "@/lib/validation/plan";
import type { FormAction } from "@/server/form-action";
import { ReversibleActionForm } from "../reversible-action-form";

const texts = {
  act: {
    formLabel: "Archiver la thématique",
    explanation:
      "La thématique disparaît des listes du site public (accueil, plan, choix de la recherche et d'une nouvelle contribution) et les thématiques suivantes prennent son numéro. Sa page reste à la même adresse et indique « Thématique archivée ». Elle ne doit plus montrer de fiche : rattachez d'abord ses fiches à une autre thématique, ou archivez-les. Rien n'est effacé, et vous pourrez la remettre dans les listes.",
    button: "Archiver la thématique",
  },
  undo: {
    formLabel: "Remettre la thématique dans les listes",
    explanation: "La thématique réapparaîtra sur l'accueil, après les thématiques déjà affichées.",
    button: "Remettre la thématique dans les listes",
  },
};

/** Archive a theme (or bring it back), with a required reason. */
export function ThemeArchiveForm<T>({ themeId, archived, action }: { themeId: number; archived: boolean; action: FormAction<T> }) {
  return (
    <ReversibleActionForm
      action={action}
      schema={themeArchiveFormSchema}
      idName="themeId"
      idValue={themeId}
      change={{ act: "archive", undo: "unarchive" }}
      done={archived}
      reasonId="archivage-thematique-raison"
      texts={texts}
      returnTo={`/admin/plan/thematiques/${themeId}`}
    />
  );
}
