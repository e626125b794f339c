import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { councilMemberships } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { removeMemberSchema, type RemoveMemberInput } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { activeReferents, LAST_REFERENT_MESSAGE, lockMemberships } from "./memberships";

/**
 * Takes someone out of a council: a referent or an admin removes anyone, a member may leave.
 * Never removes the council's last active referent (LAST_REFERENT), even under concurrent changes.
 */
export async function removeMember(db: Db, actor: MaybeActor, input: RemoveMemberInput): Promise<ActionResult<{ userId: number }>> {
  if (!actor) return unauthenticated();
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION_FAILED", "Demande invalide.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  const { councilId, userId, reason } = parsed.data;
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
    return ok({ userId }, userId === actor.id ? "Vous avez quitté ce conseil." : "La personne a été retirée du conseil.");
  });
}
