import "server-only";
import type { Db } from "@/db/client";
import { actions } from "@/db/schema";
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { endYearOf, type CreateActionData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { themes } from "@/db/schema";
import { eq } from "drizzle-orm";
import { freeSlugIn, uniqueViolation } from "../councils-admin/shared";
import { archivedThemeRefusal, attachToThemes, noThemeFound, refuseUnlessEditable, themesOfPlan, writeProjectsAndLinks } from "./shared";

export interface ActionSaved {
  id: number;
  slug: string;
}

/**
 * Adds a fiche to the plan (one the source announces without listing it, or a new one), at the end
 * of each ticked theme, for administrators only, with its journal row in the same transaction. No
 * status and no progress: only progress reports give them. Its slug comes from its title and never
 * changes. The caller refreshes the public pages afterwards.
 */
export async function createAction(db: Db, actor: MaybeActor, data: CreateActionData): Promise<ActionResult<ActionSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.action.create")) return forbidden();

  // Two admins adding fiches with the same title at once: the loser of the slug race tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx): Promise<ActionResult<ActionSaved>> => {
        // The ticked themes say which plan the fiche joins: the current one, or the draft (decision 0027).
        const [first] = await tx.select({ planId: themes.planId }).from(themes).where(eq(themes.id, data.themeIds[0]!));
        if (!first) return fail("VALIDATION_FAILED", "Thématique introuvable.", noThemeFound);
        const plan = first.planId;
        const refused = await refuseUnlessEditable(tx, plan);
        if (refused) return refused;
        const themeRows = await themesOfPlan(tx, plan, data.themeIds);
        if (themeRows.length !== new Set(data.themeIds).size) return fail("VALIDATION_FAILED", "Thématique introuvable.", noThemeFound);
        const archivedTheme = archivedThemeRefusal(themeRows, new Set());
        if (archivedTheme) return archivedTheme;
        const slug = await freeSlugIn(tx, actions, data.title, "fiche");
        const [action] = await tx
          .insert(actions)
          .values({
            planId: plan,
            slug,
            title: data.title,
            description: data.description,
            body: data.body,
            plainSummary: data.plainSummary,
            timeframeLabel: data.timeframeLabel,
            timeframeEndYear: endYearOf(data.timeframeLabel),
          })
          .returning({ id: actions.id, slug: actions.slug });
        await attachToThemes(
          tx,
          action!.id,
          themeRows.map((t) => t.id),
        );
        await writeProjectsAndLinks(tx, action!.id, data);
        await writeAudit(tx, {
          actorUserId: actor.id,
          action: "plan.action.create",
          targetType: "action",
          targetId: action!.id,
          reason: data.reason,
          details: {
            slug,
            title: data.title,
            themes: themeRows.map((t) => t.number).sort((a, b) => a - b),
          },
        });
        return ok(action!, `La fiche « ${data.title} » est ajoutée au plan.`);
      });
    } catch (error) {
      if (uniqueViolation(error) === null || attempt >= 3) throw error;
    }
  }
}
