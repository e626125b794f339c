import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ContributionStepData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";

/**
 * Takes a pending item back from moderation (pending → draft), by a member of its council. Safe
 * against a moderator deciding at the same moment: only one of the two applies.
 */
export async function withdrawContribution(
  db: Db,
  actor: MaybeActor,
  { id }: ContributionStepData,
): Promise<ActionResult<{ id: number; councilSlug: string }>> {
  if (!actor) return unauthenticated();
  const [target] = await db
    .select({ councilId: contributions.councilId, councilSlug: councils.slug, status: contributions.status })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.id, id));
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.draft", { councilId: target.councilId })) return forbidden();
  if (!can(actor, "contribution.withdraw", { councilId: target.councilId, contributionStatus: target.status })) {
    return fail("CONFLICT", "Cette contribution n'est plus en attente : la Ville l'a déjà examinée.");
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(contributions)
      .set({ status: "draft", submittedAt: null, submittedById: null, updatedAt: sql`now()` })
      .where(and(eq(contributions.id, id), eq(contributions.status, "pending")))
      .returning({ id: contributions.id });
    if (!updated) return fail("CONFLICT", "Cette contribution n'est plus en attente : la Ville l'a déjà examinée.");
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.withdraw",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
    });
    return ok(
      { id, councilSlug: target.councilSlug },
      "Contribution retirée de la modération : elle est redevenue un brouillon du conseil.",
    );
  });
}
