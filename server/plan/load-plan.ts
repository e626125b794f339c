import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans } from "@/db/schema";
import { planColumns } from "./columns";
import type { PlanInfo } from "./types";

/*
 * Public reads of the plan are one loader per file in server/plan/ (load-*.ts), each with its
 * request-scoped cached version for the page next to it (generateMetadata and the page share one
 * load). Every one returns only public fields, and loads its page's data in a fixed number of
 * queries whatever the number of rows (no query per item); each takes an optional `db` so
 * integration tests can run it on their own database.
 *
 * This one is where they all start: a plan and its public fields. One query. The public site
 * follows the current plan; an earlier (closed) plan is read at /plans/<slug>; a draft is never
 * public — only staff's previews read it, by id (decision 0027).
 */

/** Which plan: the current one, a public one (current or closed) by its slug, or any one by id (staff). */
export type PlanSelector = "current" | { slug: string } | { id: number };

function whereOf(which: PlanSelector) {
  if (which === "current") return eq(plans.state, "current");
  if ("slug" in which) return and(eq(plans.slug, which.slug), ne(plans.state, "draft"));
  return eq(plans.id, which.id);
}

export async function loadPlan(db: Db, which: PlanSelector = "current") {
  const [row] = await db.select(planColumns).from(plans).where(whereOf(which)).limit(1);
  if (!row) return null;
  const { id, ...plan } = row;
  return { id, plan: plan satisfies PlanInfo };
}

/** The current plan as SQL, for queries that keep to the public plan's themes and fiches. */
export const publicPlanId = sql<number>`(select ${plans.id} from ${plans} where ${plans.state} = 'current')`;

/** Every plan but a draft, as SQL (`… in ${publicPlanIds}`): an earlier plan's fiches keep their pages. */
export const publicPlanIds = sql`(select ${plans.id} from ${plans} where ${plans.state} <> 'draft')`;
