"use client";

import { useRef } from "react";
import { describedBy, inputClass, dangerButtonClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { CouncilRole } from "@/lib/permissions";
import { removeMemberFormSchema } from "@/lib/validation/council";
import { removeMemberAction, setMemberRoleAction } from "./actions";

const smallSecondary = `${secondaryButtonClass} px-4`;

interface Props {
  councilId: number;
  councilSlug: string;
  member: { userId: number; displayName: string; role: CouncilRole; isMe: boolean };
  canSetRole: boolean;
  canRemove: boolean;
}

/**
 * What a referent (or the member themselves) can do about one member: change their role (one
 * button), or take them out of the council after a confirmation, with an optional reason kept in
 * the journal. The confirmation opens in a <details>, so it opens without JavaScript too.
 */
export function MemberActions({ councilId, councilSlug, member, canSetRole, canRemove }: Props) {
  const confirmation = useRef<HTMLDetailsElement>(null);
  const who = member.isMe ? "vous" : member.displayName;
  const returnTo = `/espace/conseils/${councilSlug}`;

  const nextRole: CouncilRole = member.role === "referent" ? "member" : "referent";
  const roleLabel = nextRole === "referent" ? "Nommer référent·e" : "Repasser membre";
  const removeLabel = member.isMe ? "Quitter le conseil" : "Retirer du conseil";

  return (
    <div className="flex flex-wrap items-start gap-3">
      {canSetRole ? (
        <SetRoleForm councilId={councilId} member={member} nextRole={nextRole} label={roleLabel} who={who} returnTo={returnTo} />
      ) : null}
      {canRemove ? (
        <details ref={confirmation} className="group flex flex-col gap-3">
          <summary className={`${smallSecondary} cursor-pointer list-none group-open:mb-3 [&::-webkit-details-marker]:hidden`}>
            {removeLabel}
            {member.isMe ? null : <span className="sr-only"> : {who}</span>}
          </summary>
          <RemoveForm
            councilId={councilId}
            councilSlug={councilSlug}
            member={member}
            returnTo={returnTo}
            onCancel={() => confirmation.current?.removeAttribute("open")}
          />
        </details>
      ) : null}
    </div>
  );
}

/** « Nommer référent·e » / « Repasser membre »: one button; the page comes back with the new role. */
function SetRoleForm({
  councilId,
  member,
  nextRole,
  label,
  who,
  returnTo,
}: Pick<Props, "councilId" | "member"> & { nextRole: CouncilRole; label: string; who: string; returnTo: string }) {
  const { state, pending, formAction, formProps } = useFormAction({ action: setMemberRoleAction });
  return (
    <form action={formAction} {...formProps} className="flex flex-col items-start gap-3" aria-label={`${label} : ${who}`}>
      <FormStatus state={state} returnTo={returnTo} />
      <input type="hidden" name="councilId" value={councilId} />
      <input type="hidden" name="userId" value={member.userId} />
      <input type="hidden" name="role" value={nextRole} />
      <button type="submit" className={smallSecondary} disabled={pending}>
        {pending ? "Un instant…" : label}
        <span className="sr-only"> : {who}</span>
      </button>
    </form>
  );
}

/** The confirmation of a removal, with an optional reason. On success, the server takes us to the next page. */
function RemoveForm({
  councilId,
  councilSlug,
  member,
  returnTo,
  onCancel,
}: Pick<Props, "councilId" | "councilSlug" | "member"> & { returnTo: string; onCancel: () => void }) {
  const reasonId = `raison-${member.userId}`;
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: removeMemberAction,
    schema: removeMemberFormSchema,
    defaultValues: { councilId: String(councilId), councilSlug, userId: String(member.userId), reason: "" },
  });
  const reasonError = error("reason");
  return (
    <form
      action={formAction}
      {...formProps}
      className="flex flex-col gap-3 rounded-md border-2 border-red-800 bg-red-50 p-4"
      aria-label={member.isMe ? "Confirmer : quitter le conseil" : `Confirmer : retirer ${member.displayName} du conseil`}
    >
      <FormStatus state={state} errorsOnly returnTo={returnTo} />
      <input type="hidden" {...field("councilId")} />
      <input type="hidden" {...field("councilSlug")} />
      <input type="hidden" {...field("userId")} />
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
          className={inputClass}
          {...describedBy(reasonId, true, reasonError)}
          {...field("reason")}
        />
        {reasonError ? (
          <p id={`${reasonId}-erreur`} className="text-sm font-semibold text-red-800">
            {reasonError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Un instant…" : member.isMe ? "Oui, quitter le conseil" : "Oui, retirer"}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onCancel}>
          {member.isMe ? "Non, rester" : "Non, ne pas retirer"}
        </button>
      </div>
    </form>
  );
}
