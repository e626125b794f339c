import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { actions, actionThemes, themes } from "@/db/schema";
import { loadPlan } from "./load-plan";
import { loadTallies } from "./load-tallies";
import { loadThemes } from "./load-themes";
import type { PlanInfo, ThemeSummary } from "./types";

/*
 * A theme's page (loadThemePage), with its request-scoped cached version for the page
 * (getThemePage: generateMetadata and the page share one load).
 */

export interface ThemePage {
  plan: PlanInfo;
  theme: ThemeSummary;
  /** For each fiche of this theme that also belongs to other themes: those themes. */
  otherThemesByAction: Record<string, { number: number; slug: string; title: string }[]>;
}

/** A theme and its fiches (with their published avis and propositions counted). Five queries. */
export async function loadThemePage(slug: string, db?: Db): Promise<ThemePage | null> {
  const database = db ?? (await getDb());
  const loaded = await loadPlan(database);
  if (!loaded) return null;
  const tallies = loadTallies(database, loaded.id);
  const [[theme]] = await Promise.all([loadThemes(database, loaded.id, tallies, slug), tallies]);
  if (!theme) return null;
  const otherLinks =
    theme.actions.length === 0
      ? []
      : await database
          .select({ actionSlug: actions.slug, number: themes.number, slug: themes.slug, title: themes.title })
          .from(actionThemes)
          .innerJoin(actions, eq(actions.id, actionThemes.actionId))
          .innerJoin(themes, eq(themes.id, actionThemes.themeId))
          .where(
            and(
              inArray(
                actions.slug,
                theme.actions.map((a) => a.slug),
              ),
              sql`${themes.slug} <> ${slug}`,
            ),
          )
          .orderBy(asc(themes.number));
  const otherThemesByAction: ThemePage["otherThemesByAction"] = {};
  for (const { actionSlug, ...other } of otherLinks) (otherThemesByAction[actionSlug] ??= []).push(other);
  return { plan: loaded.plan, theme, otherThemesByAction };
}

export const getThemePage = cache((slug: string) => loadThemePage(slug));
