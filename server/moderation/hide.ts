import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionReports, contributions, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { hidingReasonRule, type HideData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { journalFrozenDecksShowing } from "@/server/meetings/snapshot";
import { requestDigests } from "@/server/notifications/digest";
import { notifyCouncilMembers } from "@/server/notifications/notify";
import { councilContributionsLink, hiddenNotice, loadModerationTarget } from "./target";
import { composeReason } from "./templates";

/**
 * Hides a published item (or confirms the hiding of an item hidden by reports), with a reason kept
 * in the journal and told to the council. Its open reports are resolved. Exactly once: a conditional
 * UPDATE; a second moderator is told who hid it. The caller refreshes the public pages.
 */
export async function hideContribution(
  db: Db,
  actor: MaybeActor,
  input: HideData,
): Promise<ActionResult<{ id: number; actionId: number }>> {
  if (!actor) return unauthenticated();
  const composed = await composeReason(db, input, hidingReasonRule);
  if (!composed.ok) return composed;
  const { id } = input;
  const { text: reason, templateId } = composed.data;
  const target = await loadModerationTarget(db, id);
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.hide", { councilId: target.councilId })) return forbidden();

  const result = await db.transaction(async (tx) => {
    // The row is locked first: a review of its reports by another moderator waits, or has finished.
    const [locked] = await tx
      .select({ status: contributions.status, reviewRequired: contributions.reviewRequired })
      .from(contributions)
      .where(eq(contributions.id, id))
      .for("update");
    if (input.fromReports) {
      const [open] = await tx
        .select({ id: contributionReports.id })
        .from(contributionReports)
        .where(and(eq(contributionReports.contributionId, id), isNull(contributionReports.resolvedAt)))
        .limit(1);
      if (!open) return "reviewed" as const;
    }
    const [updated] = await tx
      .update(contributions)
      .set({
        status: "hidden",
        hiddenAt: sql`now()`,
        hiddenById: actor.id,
        hiddenReason: reason,
        reviewRequired: false,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(contributions.id, id),
          eq(contributions.councilId, target.councilId),
          or(eq(contributions.status, "published"), and(eq(contributions.status, "hidden"), eq(contributions.reviewRequired, true))),
        ),
      )
      .returning({ actionId: contributions.actionId });
    if (!updated) return null;
    const resolved = await tx
      .update(contributionReports)
      .set({ resolvedAt: sql`now()`, resolvedById: actor.id })
      .where(and(eq(contributionReports.contributionId, id), isNull(contributionReports.resolvedAt)))
      .returning({ id: contributionReports.id });
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.hide",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
      reason,
      details: {
        ...(resolved.length > 0 ? { resolvedReports: resolved.length } : {}),
        ...(templateId ? { templateId } : {}),
        // Hidden already by its reports (contribution.auto_hide): this keeps it hidden. The public
        // register counts the hiding once, and this as the outcome of the reports.
        ...(locked?.status === "hidden" && locked.reviewRequired ? { confirmsAutoHide: true } : {}),
      },
    });
    await journalFrozenDecksShowing(tx, id, actor.id);
    await notifyCouncilMembers(tx, target.councilId, {
      kind: "contribution_hidden",
      message: hiddenNotice(target, reason),
      link: councilContributionsLink(target),
      contributionId: id,
    });
    return { id, actionId: updated.actionId };
  });
  if (result === "reviewed") return fail("CONFLICT", "Ces signalements ont déjà été examinés par un·e autre modérateur·rice.");
  if (!result) {
    const [row] = await db
      .select({ status: contributions.status, hiddenBy: users.displayName })
      .from(contributions)
      .leftJoin(users, eq(users.id, contributions.hiddenById))
      .where(eq(contributions.id, id));
    if (row?.status === "hidden")
      return fail("CONFLICT", row.hiddenBy ? `Déjà masquée par ${row.hiddenBy}.` : "Cette contribution est déjà masquée.");
    return fail("CONFLICT", "Cette contribution n'est pas publiée : il n'y a rien à masquer.");
  }
  requestDigests(db);
  return ok(result, "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.");
}
