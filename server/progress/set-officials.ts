import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionOfficials, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { SetActionOfficialsData } from "@/lib/validation/progress";
import { writeAudit } from "@/server/audit";
import { loadProgressAction } from "./shared";

/** Names the officials in charge of a fiche (replaces the list). Admins only; active officials only. */
export async function setActionOfficials(
  db: Db,
  actor: MaybeActor,
  input: SetActionOfficialsData,
): Promise<ActionResult<{ userIds: number[] }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "action.officials.assign")) return forbidden();
  const wanted = [...new Set(input.userIds)];
  const action = await loadProgressAction(db, input.actionSlug);
  if (!action) return notFound("Fiche action");
  const officials =
    wanted.length === 0
      ? []
      : await db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, wanted), eq(users.isOfficial, true), isNull(users.deactivatedAt)));
  if (officials.length !== wanted.length)
    return fail("VALIDATION_FAILED", "Seul·e·s des élu·e·s au compte actif peuvent être en charge d'une fiche.", {
      userIds: ["Choisissez parmi les élu·e·s de la liste."],
    });
  await db.transaction(async (tx) => {
    const before = await tx.select({ userId: actionOfficials.userId }).from(actionOfficials).where(eq(actionOfficials.actionId, action.id));
    await tx.delete(actionOfficials).where(eq(actionOfficials.actionId, action.id));
    if (wanted.length > 0) await tx.insert(actionOfficials).values(wanted.map((userId) => ({ actionId: action.id, userId })));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "action.officials.assign",
      targetType: "action",
      targetId: action.id,
      details: { fiche: action.slug, before: before.map((b) => b.userId).sort((a, b) => a - b), after: wanted.sort((a, b) => a - b) },
    });
  });
  return ok({ userIds: wanted }, "Élu·e·s en charge enregistré·e·s.");
}
