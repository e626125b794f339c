import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, plans, themes } from "@/db/schema";
import type { FeedScope } from "@/lib/feeds";
import { siteNameOf } from "@/lib/city-identity";
import { findActiveCouncil } from "@/server/councils/memberships";
import { publicPlanIds } from "@/server/plan/load-plan";
import { getCityIdentity } from "@/server/settings/platform-settings";

/** Which items a feed carries: the whole plan's, one theme's fiches', one fiche's, one council's. */
export type FeedFilter = { plan: true } | { themeId: number } | { actionId: number } | { councilId: number };

export interface FeedSubject {
  scope: FeedScope;
  /** The feed's title: what it follows. */
  title: string;
  subtitle: string;
  /** The City (its name from the settings), who publishes every feed (and the points d'étape, which the pages sign with no name). */
  cityName: string;
  /** A feed with no entry yet is as new as the plan's data. */
  since: Date;
  filter: FeedFilter;
}

const WHAT = "les nouveaux points d'étape, les avis et propositions publiés par les conseils de quartier, les réponses de la Ville";

/**
 * What a feed follows, or null when it does not exist publicly (an unknown slug, an archived
 * council: their pages answer 404 too). Three queries at most.
 */
export async function findFeedSubject(db: Db, scope: FeedScope): Promise<FeedSubject | null> {
  const [[plan], identity] = await Promise.all([
    // The current plan (decision 0027); an earlier plan's fiche keeps its feed, like its page.
    db.select({ id: plans.id, updatedAt: plans.updatedAt }).from(plans).where(eq(plans.state, "current")),
    getCityIdentity(db),
  ]);
  if (!plan) return null;
  const siteName = siteNameOf(identity);
  const common = { scope, cityName: identity.cityName, since: plan.updatedAt };
  switch (scope.kind) {
    case "plan":
      return { ...common, title: `${siteName} : les nouveautés`, subtitle: `${siteName} : ${WHAT}.`, filter: { plan: true } };
    case "theme": {
      const [theme] = await db
        .select({ id: themes.id, number: themes.number, title: themes.title })
        .from(themes)
        .where(and(eq(themes.planId, plan.id), eq(themes.slug, scope.slug)));
      if (!theme) return null;
      return {
        ...common,
        title: `Thématique ${theme.number} : ${theme.title}`,
        subtitle: `${siteName}, fiches actions de cette thématique : ${WHAT}.`,
        filter: { themeId: theme.id },
      };
    }
    case "action": {
      const [action] = await db
        .select({ id: actions.id, title: actions.title })
        .from(actions)
        .where(and(inArray(actions.planId, publicPlanIds), eq(actions.slug, scope.slug)));
      if (!action) return null;
      return {
        ...common,
        title: `Fiche action : ${action.title}`,
        subtitle: `${siteName}, cette fiche action : ${WHAT}.`,
        filter: { actionId: action.id },
      };
    }
    case "council": {
      const council = await findActiveCouncil(db, scope.slug);
      if (!council) return null;
      return {
        ...common,
        title: council.name,
        subtitle: `${siteName} : les avis et propositions publiés par ce conseil de quartier, les réponses de la Ville à ses propositions.`,
        filter: { councilId: council.id },
      };
    }
  }
}
