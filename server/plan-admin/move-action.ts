import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionThemes, themes } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { MoveActionData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { refuseUnlessEditable } from "./shared";

/**
 * Moves a fiche one place up or down inside a theme (the order of the theme's page and of the home
 * page), for administrators only: the theme's positions are written again 1, 2, 3…, with one
 * journal row holding the order before and after.
 */
export async function moveAction(db: Db, actor: MaybeActor, data: MoveActionData): Promise<ActionResult<{ themeSlug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.update")) return forbidden();

  return db.transaction(async (tx): Promise<ActionResult<{ themeSlug: string }>> => {
    const [theme] = await tx
      .select({ id: themes.id, planId: themes.planId, slug: themes.slug })
      .from(themes)
      .where(eq(themes.id, data.themeId))
      .for("update");
    if (!theme) return notFound("Thématique");
    const refused = await refuseUnlessEditable(tx, theme.planId);
    if (refused) return refused;
    const order = (
      await tx
        .select({ actionId: actionThemes.actionId })
        .from(actionThemes)
        .where(eq(actionThemes.themeId, theme.id))
        .orderBy(asc(actionThemes.position), asc(actionThemes.actionId))
    ).map((r) => r.actionId);
    const from = order.indexOf(data.actionId);
    if (from < 0) return notFound("Fiche action");
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length)
      return fail("CONFLICT", data.direction === "up" ? "Cette fiche est déjà la première." : "Cette fiche est déjà la dernière.");

    const after = [...order];
    [after[from], after[to]] = [after[to]!, after[from]!];
    for (const [index, actionId] of after.entries()) {
      await tx
        .update(actionThemes)
        .set({ position: index + 1 })
        .where(and(eq(actionThemes.themeId, theme.id), eq(actionThemes.actionId, actionId)));
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.action.move",
      targetType: "theme",
      targetId: theme.id,
      details: { before: { order }, after: { order: after } },
    });
    return ok({ themeSlug: theme.slug }, data.direction === "up" ? "La fiche est montée d'un rang." : "La fiche est descendue d'un rang.");
  });
}
