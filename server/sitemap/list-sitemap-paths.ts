import "server-only";
import { asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, meetings, plans, themes } from "@/db/schema";
import { planPath } from "@/lib/plans";
import { publicPlanId, publicPlanIds } from "@/server/plan/load-plan";
import { FIXED_PUBLIC_PAGES } from "@/lib/crawl";
import { loadCouncils } from "@/server/plan/load-councils";

/** Each kind of page is bounded (a sitemap holds at most 50,000 addresses). */
export const SITEMAP_LIMIT_PER_KIND = 1000;

/**
 * Every public page for sitemap.xml: the fixed ones, each theme, fiche, council that is not
 * archived (loadCouncils, the public list) and meeting, and the slides of the meetings that took
 * place (their public deck exists from then on, server/meetings/queries.ts). Never a signed-in or
 * staff page; the pages of contributions past the first are reached from their fiche. Themes are the
 * current plan's (/thematiques/<slug>); fiches and plans' pages are those of every plan but a draft
 * (an earlier plan's fiche keeps its page: decision 0027). Five queries.
 */
export async function listSitemapPaths(db: Db, now: Date = new Date()): Promise<string[]> {
  const [themeRows, actionRows, councilRows, meetingRows, planRows] = await Promise.all([
    db
      .select({ slug: themes.slug })
      .from(themes)
      .where(eq(themes.planId, publicPlanId))
      .orderBy(asc(themes.number))
      .limit(SITEMAP_LIMIT_PER_KIND),
    db
      .select({ slug: actions.slug })
      .from(actions)
      .where(inArray(actions.planId, publicPlanIds))
      .orderBy(asc(actions.id))
      .limit(SITEMAP_LIMIT_PER_KIND),
    loadCouncils(db),
    db
      .select({ slug: meetings.slug, startsAt: meetings.startsAt })
      .from(meetings)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(SITEMAP_LIMIT_PER_KIND),
    db.select({ slug: plans.slug }).from(plans).where(ne(plans.state, "draft")).orderBy(asc(plans.id)),
  ]);
  return [
    ...FIXED_PUBLIC_PAGES,
    ...themeRows.map((t) => `/thematiques/${t.slug}`),
    ...actionRows.map((a) => `/fiches/${a.slug}`),
    ...councilRows.slice(0, SITEMAP_LIMIT_PER_KIND).map((c) => `/conseils/${c.slug}`),
    ...planRows.map((p) => planPath(p.slug)),
    ...meetingRows.flatMap((m) => [`/reunions/${m.slug}`, ...(m.startsAt < now ? [`/reunions/${m.slug}/diaporama`] : [])]),
  ];
}
