"use client";

import { useState } from "react";
import { FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import type { CouncilRole } from "@/lib/permissions";
import { removeMemberAction, setMemberRoleAction } from "./actions";

const smallSecondary = `${secondaryButtonClass} px-4`;
const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-red-800 px-5 py-2 font-semibold text-white hover:bg-red-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-60";

interface Props {
  councilId: number;
  councilSlug: string;
  member: { userId: number; displayName: string; role: CouncilRole; isMe: boolean };
  canSetRole: boolean;
  canRemove: boolean;
}

/**
 * What a referent (or the member themselves) can do about one member: change their role, or take
 * them out of the council after a confirmation, with an optional reason kept in the journal.
 */
export function MemberActions({ councilId, councilSlug, member, canSetRole, canRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const who = member.isMe ? "vous" : member.displayName;
  const reasonId = `raison-${member.userId}`;

  async function run(call: () => Promise<{ ok: boolean; message?: string }>, after?: () => void) {
    setPending(true);
    setMessage(null);
    try {
      const result = await call();
      if (result.ok) {
        after?.();
        if (result.message) setMessage({ kind: "success", text: result.message });
      } else setMessage({ kind: "error", text: result.message ?? "Cela n'a pas fonctionné." });
    } catch {
      setMessage({ kind: "error", text: "La demande n'a pas pu être envoyée. Vérifiez votre connexion à Internet, puis réessayez." });
    } finally {
      setPending(false);
    }
  }

  const nextRole: CouncilRole = member.role === "referent" ? "member" : "referent";
  const roleLabel = nextRole === "referent" ? "Nommer référent·e" : "Repasser membre";
  const removeLabel = member.isMe ? "Quitter le conseil" : "Retirer du conseil";

  return (
    <div className="flex flex-col gap-3">
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
      {!confirming ? (
        <div className="flex flex-wrap gap-3">
          {canSetRole ? (
            <button
              type="button"
              className={smallSecondary}
              disabled={pending}
              onClick={() => run(() => setMemberRoleAction({ councilId, userId: member.userId, role: nextRole }))}
            >
              {roleLabel}
              <span className="sr-only"> : {who}</span>
            </button>
          ) : null}
          {canRemove ? (
            <button type="button" className={smallSecondary} disabled={pending} onClick={() => setConfirming(true)}>
              {removeLabel}
              {member.isMe ? null : <span className="sr-only"> : {who}</span>}
            </button>
          ) : null}
        </div>
      ) : (
        <form
          className="flex flex-col gap-3 rounded-md border-2 border-red-800 bg-red-50 p-4"
          aria-label={member.isMe ? "Confirmer : quitter le conseil" : `Confirmer : retirer ${member.displayName} du conseil`}
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => removeMemberAction({ councilId, userId: member.userId, reason }),
              () => {
                setConfirming(false);
                // The row disappears: say it on the page that comes back.
                window.location.assign(member.isMe ? "/espace?conseil=quitte" : `/espace/conseils/${councilSlug}?membre=retire`);
              },
            );
          }}
        >
          <p className="font-semibold text-slate-900">
            {member.isMe ? "Voulez-vous vraiment quitter ce conseil ?" : `Retirer ${member.displayName} du conseil ?`}
          </p>
          <div className="flex flex-col gap-1">
            <label htmlFor={reasonId} className="font-semibold text-slate-900">
              Raison (facultatif)
            </label>
            <p id={`${reasonId}-aide`} className="text-sm text-slate-700">
              Gardée dans le journal de la Ville, pas affichée publiquement.
            </p>
            <input
              id={reasonId}
              type="text"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`${reasonId}-aide`}
              className={inputClass}
            />
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={dangerButtonClass} disabled={pending}>
              {pending ? "Un instant…" : member.isMe ? "Oui, quitter le conseil" : "Oui, retirer"}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => setConfirming(false)}>
              {member.isMe ? "Non, rester" : "Non, ne pas retirer"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

