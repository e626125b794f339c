import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions } from "@/db/schema";
import { actionSummaryColumns } from "./columns";

/* A fiche of the plan by its slug, with its summary columns and texts: a fiche's pages. One query. */

export async function findAction(db: Db, planId: number, slug: string) {
  const [action] = await db
    .select({
      ...actionSummaryColumns,
      description: actions.description,
      sourceWording: actions.sourceWording,
      body: actions.body,
      plainSummary: actions.plainSummary,
      archivedAt: actions.archivedAt,
    })
    .from(actions)
    .where(and(eq(actions.planId, planId), eq(actions.slug, slug)));
  return action;
}
