"use client";

import { useState } from "react";
import { FormMessage, secondaryButtonClass } from "@/components/form/field";
import { setNameVisibilityAction } from "./actions";

/** My own choice: show my name on the council's public page, or not (the default). */
export function VisibilityForm({ councilId, visible }: { councilId: number; visible: boolean }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  return (
    <div className="flex flex-col items-start gap-4">
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
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setMessage(null);
          try {
            const result = await setNameVisibilityAction({ councilId, visible: !visible });
            setMessage(result.ok ? { kind: "success", text: result.message ?? "Enregistré." } : { kind: "error", text: result.message });
          } catch {
            setMessage({ kind: "error", text: "La demande n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez." });
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? "Enregistrement…" : visible ? "Ne plus afficher mon nom publiquement" : "Afficher mon nom publiquement"}
      </button>
    </div>
  );
}
