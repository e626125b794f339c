import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { RemoveMemberData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { activeReferents, LAST_REFERENT_MESSAGE, lockMemberships } from "./memberships";

/**
 * Takes someone out of a council: a referent or an admin removes anyone, a member may leave.
 * Never removes the council's last active referent (LAST_REFERENT), even under concurrent changes.
 */
export async function removeMember(
  db: Db,
  actor: MaybeActor,
  { councilId, userId, reason }: RemoveMemberData,
): Promise<ActionResult<{ userId: number; self: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.members.remove", { councilId, targetUserId: userId })) return forbidden();

  return db.transaction(async (tx) => {
    const memberships = await lockMemberships(tx, councilId);
    const target = memberships.find((m) => m.userId === userId);
    if (!target) return notFound("Membre");
    const referents = activeReferents(memberships);
    if (target.role === "referent" && target.active && referents.length <= 1) return fail("LAST_REFERENT", LAST_REFERENT_MESSAGE);
    await tx.delete(councilMemberships).where(and(eq(councilMemberships.councilId, councilId), eq(councilMemberships.userId, userId)));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "council.members.remove",
      targetType: "user",
      targetId: userId,
      councilId,
      reason,
      details: { role: target.role, self: userId === actor.id },
    });
    const self = userId === actor.id;
    return ok({ userId, self }, self ? "Vous avez quitté ce conseil." : "La personne a été retirée du conseil.");
  });
}
