"use client";

import { useState } from "react";
import { FormMessage, secondaryButtonClass } from "@/components/form/field";
import { revokeInvitationAction } from "./actions";

/** « Annuler l'invitation »: the link stops working at once. */
export function RevokeInvitationButton({ invitationId, email }: { invitationId: number; email: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      <button
        type="button"
        className={`${secondaryButtonClass} px-4`}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          try {
            const result = await revokeInvitationAction(invitationId);
            if (!result.ok) setError(result.message);
          } catch {
            setError("La demande n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez.");
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? "Annulation…" : "Annuler l'invitation"}
        <span className="sr-only"> : {email}</span>
      </button>
    </div>
  );
}
