"use client";

import type { FormAction } from "@/server/form-action";
import { userStatusFormSchema } from "@/lib/validation/admin";
import { ReversibleActionForm } from "./reversible-action-form";

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
export function UserStatusForm<T>({ userId, deactivated, action }: { userId: number; deactivated: boolean; action: FormAction<T> }) {
  return (
    <ReversibleActionForm
      action={action}
      schema={userStatusFormSchema}
      idName="userId"
      idValue={userId}
      change={{ act: "deactivate", undo: "reactivate" }}
      done={deactivated}
      reasonId="statut-raison"
      texts={texts}
      returnTo={`/admin/utilisateurs/${userId}`}
    />
  );
}
