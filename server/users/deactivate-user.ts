import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { UserStatusData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";
import { lockMemberships } from "../councils/memberships";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins } from "./shared";
import { councilsNeedingSuccessor, successorNeededMessage } from "./sole-referent";

/**
 * Deactivates an account and signs the person out everywhere at once (the session version moves
 * on, so every session token they hold stops working on its next request). Never on oneself,
 * never the last active administrator, never the only referent of a council while another member
 * could take over (sole-referent.ts), always with a reason in the journal.
 */
export async function deactivateUser(db: Db, actor: MaybeActor, data: UserStatusData): Promise<ActionResult<{ userId: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.deactivate")) return forbidden();
  if (!can(actor, "user.deactivate", { targetUserId: data.userId })) {
    return fail("FORBIDDEN", "Vous ne pouvez pas désactiver votre propre compte.");
  }

  return db.transaction(async (tx): Promise<ActionResult<{ userId: number }>> => {
    const admins = await lockActiveAdmins(tx);
    const [target] = await tx
      .select({ id: users.id, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, data.userId))
      .for("update");
    if (!target) return notFound("Personne");
    if (target.deactivatedAt) return fail("CONFLICT", "Ce compte est déjà désactivé.");
    if (admins.includes(target.id) && admins.length <= 1) return fail("CONFLICT", LAST_ADMIN_MESSAGE);
    if (!admins.includes(actor.id)) return forbidden();
    // The councils where they are referent are locked, so a role change made at the same moment
    // cannot leave one of them without a referent after the check below.
    const referentOf = await tx
      .select({ councilId: councilMemberships.councilId })
      .from(councilMemberships)
      .where(and(eq(councilMemberships.userId, target.id), eq(councilMemberships.role, "referent")));
    for (const { councilId } of referentOf) await lockMemberships(tx, councilId);
    const needing = await councilsNeedingSuccessor(tx, target.id);
    if (needing.length > 0) return fail("LAST_REFERENT", successorNeededMessage(needing.map((c) => c.name)));

    await tx
      .update(users)
      .set({ deactivatedAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "user.deactivate",
      targetType: "user",
      targetId: target.id,
      reason: data.reason,
    });
    return ok({ userId: target.id }, "Le compte est désactivé : la personne a été déconnectée partout.");
  });
}
