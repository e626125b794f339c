import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { SetNameVisibilityData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";

/** A member chooses, for themselves only, whether their name appears on the council's public page. */
export async function setNameVisibility(
  db: Db,
  actor: MaybeActor,
  { councilId, visible }: SetNameVisibilityData,
): Promise<ActionResult<{ visible: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.membership.set_visibility", { councilId, targetUserId: actor.id })) return forbidden();

  return db.transaction(async (tx) => {
    const mine = and(eq(councilMemberships.councilId, councilId), eq(councilMemberships.userId, actor.id));
    const [row] = await tx.select({ visible: councilMemberships.showNamePublicly }).from(councilMemberships).where(mine).for("update");
    if (!row) return forbidden();
    const message = visible
      ? "Votre nom est affiché sur la page publique du conseil."
      : "Votre nom n'est plus affiché sur la page publique du conseil.";
    if (row.visible === visible) return ok({ visible }, message);
    await tx.update(councilMemberships).set({ showNamePublicly: visible }).where(mine);
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "council.membership.set_visibility",
      targetType: "user",
      targetId: actor.id,
      councilId,
      details: { visible },
    });
    return ok({ visible }, message);
  });
}
