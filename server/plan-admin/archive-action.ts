import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ActionArchiveData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import type { ActionSaved } from "./create-action";
import { refuseUnlessEditable } from "./shared";

/**
 * Archives a fiche (`change: "archive"`) or brings it back, with a reason in the journal, for
 * administrators only. An archived fiche leaves the public lists (home, themes, choices of a new
 * contribution); its page stays at its address and says « Fiche archivée », with its reports and
 * contributions. Nothing is ever deleted: there is no way to delete a fiche. The caller refreshes
 * the public pages afterwards.
 */
export async function setActionArchived(db: Db, actor: MaybeActor, data: ActionArchiveData): Promise<ActionResult<ActionSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.archive")) return forbidden();
  const archive = data.change === "archive";

  return db.transaction(async (tx): Promise<ActionResult<ActionSaved>> => {
    const [action] = await tx
      .select({ id: actions.id, planId: actions.planId, slug: actions.slug, title: actions.title, archivedAt: actions.archivedAt })
      .from(actions)
      .where(eq(actions.id, data.actionId))
      .for("update");
    if (!action) return notFound("Fiche action");
    const refused = await refuseUnlessEditable(tx, action.planId);
    if (refused) return refused;
    if (archive && action.archivedAt) return fail("CONFLICT", "Cette fiche est déjà archivée.");
    if (!archive && !action.archivedAt) return fail("CONFLICT", "Cette fiche n'est pas archivée.");

    await tx
      .update(actions)
      .set({ archivedAt: archive ? sql`now()` : null })
      .where(eq(actions.id, action.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: archive ? "plan.action.archive" : "plan.action.unarchive",
      targetType: "action",
      targetId: action.id,
      reason: data.reason,
    });
    return ok(
      { id: action.id, slug: action.slug },
      archive
        ? `La fiche « ${action.title} » est archivée : elle n'apparaît plus dans les listes du site public.`
        : `La fiche « ${action.title} » est de nouveau dans les listes du site public.`,
    );
  });
}
