import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions } from "@/db/schema";
import { publicPlanIds } from "./load-plan";
import { actionSummaryColumns } from "./columns";

/* A fiche of the plan by its slug, with its summary columns and texts: a fiche's pages. One query. */

/** An official in charge of a fiche, as the fiche's « En bref » shows them. */
export interface OfficialInCharge {
  name: string;
  title: string | null;
}

/*
 * The officials in charge (named by admins, server/progress/set-officials.ts), in the same query:
 * a correlated subquery, so a fiche's page keeps its number of queries. Active accounts only — a
 * deactivated or erased account is nobody's official any more (an erasure refreshes every page).
 * Written with qualified names: in a one-table select drizzle leaves `actions.id` unqualified, and
 * an unqualified "id" inside the subquery would be the user's.
 */
const officialsInCharge = sql<OfficialInCharge[] | null>`(
  select json_agg(json_build_object('name', u.display_name, 'title', u.title) order by u.display_name, u.id)
  from action_officials ao inner join users u on u.id = ao.user_id
  where ao.action_id = ${sql.identifier("actions")}.${sql.identifier("id")} and u.deactivated_at is null and u.erased_at is null
)`;

/**
 * `plan`: a plan's id, or "public" for a fiche of any plan but a draft — an earlier plan's fiche
 * keeps its address (/fiches/<slug>), and slugs are unique across plans (decision 0027).
 */
export async function findAction(db: Db, plan: number | "public", slug: string) {
  const [action] = await db
    .select({
      ...actionSummaryColumns,
      description: actions.description,
      sourceWording: actions.sourceWording,
      body: actions.body,
      plainSummary: actions.plainSummary,
      archivedAt: actions.archivedAt,
      officials: officialsInCharge,
      planId: actions.planId,
    })
    .from(actions)
    .where(and(plan === "public" ? inArray(actions.planId, publicPlanIds) : eq(actions.planId, plan), eq(actions.slug, slug)));
  return action ? { ...action, officials: action.officials ?? [] } : undefined;
}
