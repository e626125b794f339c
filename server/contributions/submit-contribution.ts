import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { writeAudit } from "@/server/audit";

/**
 * Sends a draft to moderation (draft → pending), by any member or only by a referent as the
 * council's setting says. Locked: submitted once, even if two members click at once.
 */
export async function submitContribution(db: Db, actor: MaybeActor, input: { id: number }): Promise<ActionResult<{ id: number }>> {
  if (!actor) return unauthenticated();
  const id = Number(input.id);
  if (!Number.isInteger(id) || id <= 0) return notFound("Brouillon");
  const [target] = await db
    .select({ councilId: contributions.councilId, policy: councils.submissionPolicy })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.id, id));
  if (!target) return notFound("Brouillon");
  if (!can(actor, "contribution.draft", { councilId: target.councilId })) return forbidden();
  if (!can(actor, "contribution.submit", { councilId: target.councilId, submissionPolicy: target.policy })) {
    return fail("FORBIDDEN", "Dans ce conseil, seuls les référent·es peuvent soumettre un brouillon à la modération.");
  }

  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: contributions.status }).from(contributions).where(eq(contributions.id, id)).for("update");
    if (!row) return notFound("Brouillon");
    if (row.status !== "draft") return fail("CONFLICT", "Ce brouillon a déjà été soumis à la modération.");
    await tx
      .update(contributions)
      .set({ status: "pending", submittedById: actor.id, submittedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(contributions.id, id));
    await writeAudit(tx, { actorUserId: actor.id, action: "contribution.submit", targetType: "contribution", targetId: id, councilId: target.councilId });
    return ok({ id }, "Contribution soumise à la modération. Elle sera publique une fois approuvée.");
  });
}
