"use client";

import type { FormAction } from "@/server/form-action";
import { councilArchiveFormSchema } from "@/lib/validation/admin";
import { ReversibleActionForm } from "./reversible-action-form";

const texts = {
  act: {
    formLabel: "Archiver le conseil",
    explanation:
      "Le conseil disparaît du site public et ses invitations en attente ne fonctionnent plus. Rien n'est effacé : ses membres et son journal sont conservés, et vous pourrez le rendre de nouveau visible.",
    button: "Archiver le conseil",
  },
  undo: {
    formLabel: "Rendre le conseil de nouveau visible",
    explanation: "Le conseil réapparaîtra sur le site public et ses membres retrouveront leur espace.",
    button: "Rendre le conseil visible",
  },
};

/** Archive a council (or bring it back), with a required reason. */
export function CouncilArchiveForm<T>({ councilId, archived, action }: { councilId: number; archived: boolean; action: FormAction<T> }) {
  return (
    <ReversibleActionForm
      action={action}
      schema={councilArchiveFormSchema}
      idName="councilId"
      idValue={councilId}
      change={{ act: "archive", undo: "unarchive" }}
      done={archived}
      reasonId="archivage-raison"
      texts={texts}
      returnTo={`/admin/conseils/${councilId}`}
    />
  );
}
