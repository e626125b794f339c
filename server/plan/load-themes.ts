import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, actionThemes, themes } from "@/db/schema";
import { averageProgress, countByStatus, coverageOf } from "@/lib/rollup";
import { actionSummaryColumns, themeColumns } from "./columns";
import type { Tallies } from "./load-tallies";
import { toActionSummary } from "./to-action-summary";
import type { ThemeSummary } from "./types";

/*
 * The themes of the plan (or one of them) with their fiches: the home page and a theme's page. The
 * plan's list leaves archived themes out; one asked by its slug is given even archived (its page stays).
 */

/** Themes with their fiches in source order: two queries for the whole plan. */
export async function loadThemes(db: Db, planId: number, tallies: Promise<Tallies>, onlyThemeSlug?: string): Promise<ThemeSummary[]> {
  const themeRows = await db
    .select({ id: themes.id, ...themeColumns })
    .from(themes)
    .where(
      onlyThemeSlug
        ? and(eq(themes.planId, planId), eq(themes.slug, onlyThemeSlug))
        : and(eq(themes.planId, planId), isNull(themes.archivedAt)),
    )
    .orderBy(asc(themes.number));
  if (themeRows.length === 0) return [];
  const links = await db
    .select({ themeId: actionThemes.themeId, ...actionSummaryColumns, fromSource: sql<boolean>`(${actions.sourceWording} is not null)` })
    .from(actionThemes)
    .innerJoin(actions, eq(actions.id, actionThemes.actionId))
    .where(
      and(
        inArray(
          actionThemes.themeId,
          themeRows.map((t) => t.id),
        ),
        // An archived fiche leaves the public lists (its own page stays).
        isNull(actions.archivedAt),
      ),
    )
    .orderBy(asc(actionThemes.position), asc(actions.id));
  const counts = await tallies;
  return themeRows.map(({ id, ...theme }) => {
    const own = links.filter((l) => l.themeId === id);
    const themeActions = own.map((l) => toActionSummary(l, counts.get(l.id)));
    return {
      ...theme,
      actions: themeActions,
      addedActionSlugs: own.filter((l) => !l.fromSource).map((l) => l.slug),
      progress: averageProgress(themeActions.map((a) => a.progress)),
      progressCoverage: coverageOf(themeActions.map((a) => a.progress)),
      statusCounts: countByStatus(themeActions),
    };
  });
}
