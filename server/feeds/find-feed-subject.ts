import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, plans, themes } from "@/db/schema";
import type { FeedScope } from "@/lib/feeds";
import { SITE_NAME } from "@/lib/page-metadata";
import { findActiveCouncil } from "@/server/councils/memberships";

/** Which items a feed carries: the whole plan's, one theme's fiches', one fiche's, one council's. */
export type FeedFilter = { plan: true } | { themeId: number } | { actionId: number } | { councilId: number };

export interface FeedSubject {
  scope: FeedScope;
  /** The feed's title: what it follows. */
  title: string;
  subtitle: string;
  /** The City, who publishes every feed (and the points d'étape, which the pages sign with no name). */
  cityName: string;
  /** A feed with no entry yet is as new as the plan's data. */
  since: Date;
  filter: FeedFilter;
}

const WHAT = "les nouveaux points d'étape, les avis et propositions publiés par les conseils de quartier, les réponses de la Ville";

/**
 * What a feed follows, or null when it does not exist publicly (an unknown slug, an archived
 * council: their pages answer 404 too). Two queries at most.
 */
export async function findFeedSubject(db: Db, scope: FeedScope): Promise<FeedSubject | null> {
  const [plan] = await db
    .select({ id: plans.id, cityName: plans.cityName, updatedAt: plans.updatedAt })
    .from(plans)
    .orderBy(asc(plans.id))
    .limit(1);
  if (!plan) return null;
  const common = { scope, cityName: plan.cityName, since: plan.updatedAt };
  switch (scope.kind) {
    case "plan":
      return { ...common, title: `${SITE_NAME} : les nouveautés`, subtitle: `${SITE_NAME} : ${WHAT}.`, filter: { plan: true } };
    case "theme": {
      const [theme] = await db
        .select({ id: themes.id, number: themes.number, title: themes.title })
        .from(themes)
        .where(and(eq(themes.planId, plan.id), eq(themes.slug, scope.slug)));
      if (!theme) return null;
      return {
        ...common,
        title: `Thématique ${theme.number} : ${theme.title}`,
        subtitle: `${SITE_NAME}, fiches actions de cette thématique : ${WHAT}.`,
        filter: { themeId: theme.id },
      };
    }
    case "action": {
      const [action] = await db
        .select({ id: actions.id, title: actions.title })
        .from(actions)
        .where(and(eq(actions.planId, plan.id), eq(actions.slug, scope.slug)));
      if (!action) return null;
      return {
        ...common,
        title: `Fiche action : ${action.title}`,
        subtitle: `${SITE_NAME}, cette fiche action : ${WHAT}.`,
        filter: { actionId: action.id },
      };
    }
    case "council": {
      const council = await findActiveCouncil(db, scope.slug);
      if (!council) return null;
      return {
        ...common,
        title: council.name,
        subtitle: `${SITE_NAME} : les avis et propositions publiés par ce conseil de quartier, les réponses de la Ville à ses propositions.`,
        filter: { councilId: council.id },
      };
    }
  }
}
