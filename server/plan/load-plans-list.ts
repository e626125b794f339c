import "server-only";
import { desc, ne, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { plans } from "@/db/schema";

/* « Les plans » (/plans): the current plan and the earlier ones, never a draft (decision 0027). */

export interface PublicPlanRow {
  slug: string;
  title: string;
  periodStartYear: number;
  periodEndYear: number;
  state: "current" | "closed";
  publishedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Newest period first. One query; a City adopts a plan every five years or so, so the list is a
 * handful of rows and needs no pages.
 */
export async function loadPublicPlans(db?: Db): Promise<PublicPlanRow[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({
      slug: plans.slug,
      title: plans.title,
      periodStartYear: plans.periodStartYear,
      periodEndYear: plans.periodEndYear,
      state: plans.state,
      publishedAt: plans.publishedAt,
      closedAt: plans.closedAt,
    })
    .from(plans)
    .where(ne(plans.state, "draft"))
    .orderBy(sql`${plans.state} = 'current' desc`, desc(plans.periodStartYear), desc(plans.id));
  return rows.map((r) => ({ ...r, state: r.state === "current" ? "current" : "closed" }));
}

export const getPublicPlans = cache(() => loadPublicPlans());
