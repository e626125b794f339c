import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { UserStatusData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";

export const ERASED_REACTIVATION_MESSAGE = "Ce compte a été supprimé : il ne peut pas être réactivé.";

/**
 * Reactivates an account, with a reason in the journal. The person signs in again with their
 * password; sessions from before the deactivation stay dead (the session version is not rolled back).
 */
export async function reactivateUser(db: Db, actor: MaybeActor, data: UserStatusData): Promise<ActionResult<{ userId: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.reactivate")) return forbidden();
  if (!can(actor, "user.reactivate", { targetUserId: data.userId })) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<{ userId: number }>> => {
    const [target] = await tx
      .select({ id: users.id, deactivatedAt: users.deactivatedAt, erasedAt: users.erasedAt })
      .from(users)
      .where(eq(users.id, data.userId))
      .for("update");
    if (!target) return notFound("Personne");
    // Checked first: an erased account has no e-mail nor password left, nobody could sign in with
    // it — whatever its deactivation date says (erasure sets one, but the message must not depend on it).
    if (target.erasedAt) return fail("CONFLICT", ERASED_REACTIVATION_MESSAGE);
    if (!target.deactivatedAt) return fail("CONFLICT", "Ce compte est déjà actif.");

    await tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "user.reactivate",
      targetType: "user",
      targetId: target.id,
      reason: data.reason,
    });
    return ok({ userId: target.id }, "Le compte est réactivé : la personne peut de nouveau se connecter.");
  });
}
