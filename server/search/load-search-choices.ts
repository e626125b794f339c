import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { themes } from "@/db/schema";
import { loadCouncils } from "@/server/plan/load-councils";
import { publicPlanId } from "@/server/plan/load-plan";

/* What the search form's filters offer: the plan's themes and the councils (the public list's). Two queries. */

export interface SearchChoices {
  themes: { slug: string; number: number; title: string }[];
  councils: { slug: string; name: string }[];
}

export async function loadSearchChoices(db: Db): Promise<SearchChoices> {
  const [themeRows, councilRows] = await Promise.all([
    db
      .select({ slug: themes.slug, number: themes.number, title: themes.title })
      .from(themes)
      // An archived theme leaves the lists (its page, and search results, keep it).
      .where(and(eq(themes.planId, publicPlanId), isNull(themes.archivedAt)))
      .orderBy(asc(themes.number)),
    loadCouncils(db),
  ]);
  return { themes: themeRows, councils: councilRows.map((c) => ({ slug: c.slug, name: c.name })) };
}
