import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionOfficials, actions, users } from "@/db/schema";
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
 */
const officialsInCharge = sql<OfficialInCharge[] | null>`(
  select json_agg(json_build_object('name', ${users.displayName}, 'title', ${users.title}) order by ${users.displayName})
  from ${actionOfficials} inner join ${users} on ${users.id} = ${actionOfficials.userId}
  where ${actionOfficials.actionId} = ${actions.id} and ${users.deactivatedAt} is null and ${users.erasedAt} is null
)`;

export async function findAction(db: Db, planId: number, slug: string) {
  const [action] = await db
    .select({
      ...actionSummaryColumns,
      description: actions.description,
      sourceWording: actions.sourceWording,
      officials: officialsInCharge,
    })
    .from(actions)
    .where(and(eq(actions.planId, planId), eq(actions.slug, slug)));
  return action ? { ...action, officials: action.officials ?? [] } : undefined;
}
