import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionReports, contributions } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { KeepData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { loadModerationTarget } from "@/server/moderation/target";

/**
 * A moderator reviewed the reports of an item and keeps it public: its open reports are resolved,
 * and an item hidden automatically by reports is published again. Exactly once: the item's row is
 * locked, and a second moderator finds nothing left to review. The caller refreshes public pages
 * when `republished`. (To hide it instead: hideContribution, which resolves the reports too.)
 */
export async function keepPublished(
  db: Db,
  actor: MaybeActor,
  input: KeepData,
): Promise<ActionResult<{ id: number; republished: boolean }>> {
  if (!actor) return unauthenticated();
  const { id } = input;
  const target = await loadModerationTarget(db, id);
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.review_reports", { councilId: target.councilId })) return forbidden();

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: contributions.status, reviewRequired: contributions.reviewRequired })
      .from(contributions)
      .where(eq(contributions.id, id))
      .for("update");
    if (!row) return notFound("Contribution");
    const republish = row.status === "hidden" && row.reviewRequired;
    if (row.status !== "published" && !republish)
      return fail("CONFLICT", "Cette contribution a déjà été examinée : elle est masquée par un·e modérateur·rice.");
    const resolved = await tx
      .update(contributionReports)
      .set({ resolvedAt: sql`now()`, resolvedById: actor.id })
      .where(and(eq(contributionReports.contributionId, id), isNull(contributionReports.resolvedAt)))
      .returning({ id: contributionReports.id });
    if (!republish && resolved.length === 0)
      return fail("CONFLICT", "Ces signalements ont déjà été examinés par un·e autre modérateur·rice.");
    if (republish) {
      await tx
        .update(contributions)
        .set({ status: "published", hiddenAt: null, hiddenById: null, hiddenReason: null, reviewRequired: false, updatedAt: sql`now()` })
        .where(eq(contributions.id, id));
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: republish ? "contribution.republish" : "contribution.reports_dismiss",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
      details: { resolvedReports: resolved.length },
    });
    return ok(
      { id, republished: republish },
      republish
        ? "Contribution republiée : elle est de nouveau publique, les signalements sont classés."
        : "Signalements classés : la contribution reste publiée.",
    );
  });
}
