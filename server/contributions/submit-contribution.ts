import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ContributionStepData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { requestDigests } from "@/server/notifications/digest";
import { notifyModerators } from "@/server/notifications/notify";

/**
 * Sends a draft to moderation (draft → pending), by any member or only by a referent as the
 * council's setting says. Locked: submitted once, even if two members click at once.
 */
export async function submitContribution(
  db: Db,
  actor: MaybeActor,
  { id }: ContributionStepData,
): Promise<ActionResult<{ id: number; councilSlug: string }>> {
  if (!actor) return unauthenticated();
  const [target] = await db
    .select({
      councilId: contributions.councilId,
      councilSlug: councils.slug,
      policy: councils.submissionPolicy,
      councilName: councils.name,
    })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.id, id));
  if (!target) return notFound("Brouillon");
  if (!can(actor, "contribution.draft", { councilId: target.councilId })) return forbidden();
  if (!can(actor, "contribution.submit", { councilId: target.councilId, submissionPolicy: target.policy })) {
    return fail("FORBIDDEN", "Dans ce conseil, seuls les référent·es peuvent soumettre un brouillon à la modération.");
  }

  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select({ status: contributions.status }).from(contributions).where(eq(contributions.id, id)).for("update");
    if (!row) return notFound("Brouillon");
    if (row.status !== "draft") return fail("CONFLICT", "Ce brouillon a déjà été soumis à la modération.");
    await tx
      .update(contributions)
      .set({ status: "pending", submittedById: actor.id, submittedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(contributions.id, id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.submit",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
    });
    // Moderators who may decide it (not those of this council) are told, in the same transaction.
    await notifyModerators(tx, target.councilId, {
      kind: "moderation_waiting",
      message: `Une contribution du ${target.councilName} attend une décision de modération.`,
      link: "/moderation",
      contributionId: id,
      councilId: target.councilId,
    });
    return ok({ id, councilSlug: target.councilSlug }, "Contribution soumise à la modération. Elle sera publique une fois approuvée.");
  });
  if (result.ok) requestDigests(db);
  return result;
}
