import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, actionThemes, themes } from "@/db/schema";
import { publicPlanId } from "./load-plan";

/*
 * The fiches a contribution form lets a council choose from: slug and title only, in one query,
 * instead of the home page's loader (seven queries and every figure of the plan).
 */

export interface ActionChoice {
  slug: string;
  title: string;
}

/**
 * Each fiche of the plan once (archived ones left out), in the order of the public pages: by theme, then by its place in
 * the theme (a fiche under two themes comes where it is first listed). One query.
 */
export async function loadActionChoices(db: Db): Promise<ActionChoice[]> {
  const rows = await db
    .select({ slug: actions.slug, title: actions.title })
    .from(actionThemes)
    .innerJoin(themes, eq(themes.id, actionThemes.themeId))
    .innerJoin(actions, eq(actions.id, actionThemes.actionId))
    // An archived fiche takes no new contribution: it is no longer among the choices.
    .where(and(eq(themes.planId, publicPlanId), isNull(actions.archivedAt), isNull(themes.archivedAt)))
    .orderBy(asc(themes.number), asc(actionThemes.position), asc(actions.id));
  const bySlug = new Map<string, ActionChoice>();
  for (const row of rows) if (!bySlug.has(row.slug)) bySlug.set(row.slug, row);
  return [...bySlug.values()];
}
