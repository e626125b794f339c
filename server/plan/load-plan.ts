import "server-only";
import { asc, sql } from "drizzle-orm";
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
 * This one is where they all start: the plan (the first one; the app follows one plan) and its
 * public fields. One query.
 */

export async function loadPlan(db: Db) {
  const [row] = await db.select(planColumns).from(plans).orderBy(asc(plans.id)).limit(1);
  if (!row) return null;
  const { id, ...plan } = row;
  return { id, plan: plan satisfies PlanInfo };
}

/** The same plan as SQL, for queries that keep to the public plan's themes and fiches. */
export const publicPlanId = sql<number>`(select min(${plans.id}) from ${plans})`;
