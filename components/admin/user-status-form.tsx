"use client";

import type { ActionResult } from "@/lib/action-result";
import type { UserStatusInput } from "@/lib/validation/admin";
import { ReversibleActionForm } from "./reversible-action-form";

type Action = (input: UserStatusInput) => Promise<ActionResult<{ userId: number }>>;

const texts = {
  act: {
    formLabel: "Désactiver le compte",
    explanation:
      "La personne est déconnectée tout de suite, sur tous ses appareils, et ne peut plus se connecter. Rien n'est effacé : vous pourrez réactiver le compte.",
    button: "Désactiver le compte",
  },
  undo: {
    formLabel: "Réactiver le compte",
    explanation: "La personne pourra de nouveau se connecter avec son mot de passe. Ses rôles et ses conseils sont conservés.",
    button: "Réactiver le compte",
  },
};

/** Deactivate (or reactivate) an account, with a required reason. */
export function UserStatusForm({
  userId,
  deactivated,
  deactivate,
  reactivate,
}: {
  userId: number;
  deactivated: boolean;
  deactivate: Action;
  reactivate: Action;
}) {
  return (
    <ReversibleActionForm
      done={deactivated}
      reasonId="statut-raison"
      texts={texts}
      submit={(reason) => (deactivated ? reactivate : deactivate)({ userId, reason })}
    />
  );
}
