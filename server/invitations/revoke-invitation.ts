import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { RevokeInvitationData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";

/**
 * Cancels a pending invitation: a council's by its referents (or an admin), a staff one by an
 * admin. Its link stops working at once. An accepted or already cancelled one is left as it is.
 */
export async function revokeInvitation(
  db: Db,
  actor: MaybeActor,
  { invitationId }: RevokeInvitationData,
): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const [target] = await db
    .select({ kind: invitations.kind, councilId: invitations.councilId })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  const allowed = (t: { kind: string; councilId: number | null }) =>
    t.kind === "council"
      ? can(actor, "council.invitations.revoke", { councilId: t.councilId ?? undefined })
      : can(actor, "user.invite_staff");
  if (!target) return notFound("Invitation");
  if (!allowed(target)) return forbidden();

  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
    if (!invitation) return notFound("Invitation");
    if (invitation.acceptedAt) return fail("CONFLICT", "Cette invitation a déjà été acceptée : elle ne peut plus être annulée.");
    if (invitation.revokedAt) return fail("CONFLICT", "Cette invitation était déjà annulée.");
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(eq(invitations.id, invitationId));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "invitation.revoke",
      targetType: "invitation",
      targetId: invitationId,
      councilId: invitation.councilId,
      // The invitation is the target: no e-mail in the journal (see list-audit-log.ts for how it is shown).
      details: { kind: invitation.kind, role: invitation.councilRole },
    });
    return ok({ id: invitationId }, `Invitation de ${invitation.email} annulée.`);
  });
}
