"use client";

import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { handOverReferentSchema } from "@/lib/validation/admin";
import type { FormAction } from "@/server/form-action";

/** Written in the journal with the role change: why this member became referent now. */
export const SUCCESSOR_REASON = "Reprend le rôle de référent·e avant la désactivation d'un compte";

/**
 * Before deactivating a council's only referent: the admin chooses, among its members, who takes
 * over (that member becomes referent, journaled as any role change).
 */
export function SuccessorForm<T>({
  council,
  userId,
  action,
}: {
  council: { councilId: number; name: string; candidates: { userId: number; displayName: string }[]; more: boolean };
  userId: number;
  action: FormAction<T>;
}) {
  const id = `successeur-${council.councilId}`;
  const hint = council.more
    ? "Les 50 premiers membres par ordre alphabétique. Pour une autre personne, nommez-la référente depuis l'espace du conseil."
    : "La personne choisie devient référente : elle pourra inviter les membres et gérer le conseil.";
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: handOverReferentSchema,
    defaultValues: {
      councilId: String(council.councilId),
      userId: "",
      role: "referent",
      reason: SUCCESSOR_REASON,
      fromUserId: String(userId),
    },
  });
  const userError = error("userId");
  return (
    <form
      action={formAction}
      {...formProps}
      className="flex flex-col gap-4"
      aria-label={`Qui reprend le rôle de référent·e de ${council.name}`}
    >
      <FormStatus state={state} returnTo={`/admin/utilisateurs/${userId}#reprise`} />
      <input type="hidden" {...field("councilId")} />
      <input type="hidden" {...field("role")} />
      <input type="hidden" {...field("reason")} />
      <input type="hidden" {...field("fromUserId")} />
      <Field id={id} label={`Nouvelle personne référente de « ${council.name} »`} hint={hint} error={userError}>
        <select id={id} className={inputClass} {...describedBy(id, hint, userError)} {...field("userId")}>
          <option value="">Choisir un membre…</option>
          {council.candidates.map((c) => (
            <option key={c.userId} value={String(c.userId)}>
              {c.displayName}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Nommer référent·e"}
        </button>
      </div>
    </form>
  );
}
