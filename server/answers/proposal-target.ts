import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions } from "@/db/schema";

/** What answering and supporting check about an item: its council, kind, state, title and fiche. One query. */
export async function loadProposalTarget(db: Db, id: number) {
  const [target] = await db
    .select({
      councilId: contributions.councilId,
      kind: contributions.kind,
      status: contributions.status,
      title: contributions.title,
      actionSlug: actions.slug,
    })
    .from(contributions)
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .where(eq(contributions.id, id));
  return target;
}
