import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionComments, contributions } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CommentData } from "@/lib/validation/contribution";

/** Adds an internal comment to a draft of the actor's council. Never public. */
export async function commentDraft(
  db: Db,
  actor: MaybeActor,
  { contributionId, body }: CommentData,
): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const [target] = await db
    .select({ councilId: contributions.councilId, status: contributions.status })
    .from(contributions)
    .where(eq(contributions.id, contributionId));
  if (!target) return notFound("Brouillon");
  if (!can(actor, "contribution.comment", { councilId: target.councilId, contributionStatus: target.status })) return forbidden();
  const [comment] = await db
    .insert(contributionComments)
    .values({ contributionId, authorId: actor.id, body })
    .returning({ id: contributionComments.id });
  return ok({ id: comment!.id }, "Commentaire ajouté.");
}
