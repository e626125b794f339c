"use client";

import type { ActionResult } from "@/lib/action-result";
import type { CouncilArchiveInput } from "@/lib/validation/admin";
import { ReversibleActionForm } from "./reversible-action-form";

type Action = (input: CouncilArchiveInput) => Promise<ActionResult<unknown>>;

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
export function CouncilArchiveForm({ councilId, archived, archive, unarchive }: { councilId: number; archived: boolean; archive: Action; unarchive: Action }) {
  return (
    <ReversibleActionForm
      done={archived}
      reasonId="archivage-raison"
      texts={texts}
      submit={(reason) => (archived ? unarchive : archive)({ councilId, reason })}
    />
  );
}
