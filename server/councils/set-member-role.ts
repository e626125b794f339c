import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, councilRoleLabel, type MaybeActor } from "@/lib/permissions";
import type { SetMemberRoleData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { activeReferents, LAST_REFERENT_MESSAGE, lockMemberships } from "./memberships";

/**
 * A referent (or an admin) makes a member referent, or a referent member again. A council always
 * keeps at least one active referent (LAST_REFERENT), even when two referents step down at once.
 */
export async function setMemberRole(
  db: Db,
  actor: MaybeActor,
  { councilId, userId, role, reason }: SetMemberRoleData,
): Promise<ActionResult<{ userId: number; role: "member" | "referent" }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.members.set_role", { councilId, targetUserId: userId })) return forbidden();

  return db.transaction(async (tx) => {
    const memberships = await lockMemberships(tx, councilId);
    const target = memberships.find((m) => m.userId === userId);
    if (!target) return notFound("Membre");
    if (target.role === role) return ok({ userId, role }, `Cette personne est déjà ${councilRoleLabel[role]}.`);
    if (role === "member" && target.active && activeReferents(memberships).length <= 1) return fail("LAST_REFERENT", LAST_REFERENT_MESSAGE);
    await tx
      .update(councilMemberships)
      .set({ role })
      .where(and(eq(councilMemberships.councilId, councilId), eq(councilMemberships.userId, userId)));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "council.members.set_role",
      targetType: "user",
      targetId: userId,
      councilId,
      reason,
      details: { from: target.role, to: role },
    });
    return ok(
      { userId, role },
      role === "referent" ? "La personne est maintenant référente du conseil." : "La personne est maintenant membre du conseil.",
    );
  });
}
