import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { themes } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CreateThemeData, UpdateThemeData } from "@/lib/validation/plan";
import { writeAudit } from "../audit";
import { currentPlanId, freeSlugIn, uniqueViolation } from "../councils-admin/shared";
import { placeBeforeArchived } from "./order-themes";
import { refuseUnlessEditable, sameValue } from "./shared";

export interface ThemeSaved {
  id: number;
  slug: string;
  changed: boolean;
}

/**
 * Adds a theme after the last one shown (archived themes stay after it), for administrators only, with its journal row in
 * the same transaction. Its slug comes from its title and never changes. The caller refreshes the
 * public pages afterwards.
 */
export async function createTheme(db: Db, actor: MaybeActor, data: CreateThemeData): Promise<ActionResult<ThemeSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.create")) return forbidden();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx): Promise<ActionResult<ThemeSaved>> => {
        // The draft's own form names it; the current plan's says nothing.
        const plan = data.planId ?? (await currentPlanId(tx));
        if (plan === null) return fail("CONFLICT", "Le projet social communal n'est pas encore en place sur ce site.");
        const refused = await refuseUnlessEditable(tx, plan);
        if (refused) return refused;
        const [{ next } = { next: 1 }] = await tx
          .select({ next: sql<number>`coalesce(max(${themes.number}), 0)::int + 1` })
          .from(themes)
          .where(eq(themes.planId, plan));
        const slug = await freeSlugIn(tx, themes, data.title, "thematique", eq(themes.planId, plan));
        const [theme] = await tx
          .insert(themes)
          .values({ planId: plan, number: next, slug, title: data.title, description: data.description })
          .returning({ id: themes.id, slug: themes.slug });
        const number = await placeBeforeArchived(tx, plan, theme!.id);
        await writeAudit(tx, {
          actorUserId: actor.id,
          action: "plan.theme.create",
          targetType: "theme",
          targetId: theme!.id,
          reason: data.reason,
          details: { number, slug, title: data.title },
        });
        return ok({ ...theme!, changed: true }, `La thématique ${number} « ${data.title} » est ajoutée au plan.`);
      });
    } catch (error) {
      // Two admins adding a theme at once take the same number or slug: the loser tries again.
      if (uniqueViolation(error) === null || attempt >= 3) throw error;
    }
  }
}

const themeKeys = ["title", "description"] as const;

/** Changes a theme's title or description, for administrators only; the journal keeps the values before and after. */
export async function updateTheme(db: Db, actor: MaybeActor, data: UpdateThemeData): Promise<ActionResult<ThemeSaved>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "plan.theme.update")) return forbidden();
  return db.transaction(async (tx): Promise<ActionResult<ThemeSaved>> => {
    const [theme] = await tx
      .select({ id: themes.id, planId: themes.planId, slug: themes.slug, title: themes.title, description: themes.description })
      .from(themes)
      .where(eq(themes.id, data.themeId))
      .for("update");
    if (!theme) return notFound("Thématique");
    const refused = await refuseUnlessEditable(tx, theme.planId);
    if (refused) return refused;
    const changed = themeKeys.filter((k) => !sameValue(theme[k], data[k]));
    if (changed.length === 0) return ok({ id: theme.id, slug: theme.slug, changed: false }, "Rien n'a changé.");
    await tx.update(themes).set({ title: data.title, description: data.description }).where(eq(themes.id, theme.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "plan.theme.update",
      targetType: "theme",
      targetId: theme.id,
      reason: data.reason,
      details: {
        before: Object.fromEntries(changed.map((k) => [k, theme[k]])),
        after: Object.fromEntries(changed.map((k) => [k, data[k]])),
      },
    });
    return ok({ id: theme.id, slug: theme.slug, changed: true }, `La thématique « ${data.title} » est modifiée.`);
  });
}
