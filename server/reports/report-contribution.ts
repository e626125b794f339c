import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionReports, contributions, councils, users } from "@/db/schema";
import { fail, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ReportData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { journalFrozenDecksShowing } from "@/server/meetings/snapshot";
import { requestDigests } from "@/server/notifications/digest";
import { notifyModerators } from "@/server/notifications/notify";
import { itemColumns, toItem, type ModeratedItem } from "@/server/moderation/item";
import { getPlatformSettings } from "@/server/settings/platform-settings";

const alreadyReported = () => fail("CONFLICT", "Vous avez déjà signalé cette contribution : les modérateur·rices l'examineront.");
const gone = () => fail("CONFLICT", "Cette contribution n'est plus publiée : elle est déjà en cours d'examen par la modération.");

export const autoHideReason = (n: number) => `Masqué automatiquement après ${n} signalements, en attente d'examen`;

/**
 * A signed-in person reports a published item, once. When the open reports reach the threshold
 * (platform setting), the item is hidden in the same transaction until a moderator reviews it, and
 * the moderators are told. Race-safe: the item's row is locked (FOR UPDATE) while a report is
 * counted, so concurrent reports hide it exactly once. The caller refreshes public pages if `hidden`.
 */
export async function reportContribution(
  db: Db,
  actor: MaybeActor,
  input: ReportData,
): Promise<ActionResult<{ id: number; hidden: boolean }>> {
  if (!actor) return unauthenticated();
  const { id, reason } = input;
  const [target] = await db
    .select({ councilId: contributions.councilId, status: contributions.status, councilName: councils.name })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.id, id));
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.report", { councilId: target.councilId, contributionStatus: target.status })) {
    if (await hasReported(db, id, actor.id)) return alreadyReported();
    // Only what the public sees can be reported; anything else does not exist for the reporter.
    return target.status === "hidden" ? gone() : notFound("Contribution");
  }
  const { reportThreshold } = await getPlatformSettings(db);

  const result = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: contributions.status }).from(contributions).where(eq(contributions.id, id)).for("update");
    if (!locked) return notFound("Contribution");
    if (locked.status !== "published") return (await hasReported(tx, id, actor.id)) ? alreadyReported() : gone();
    const [inserted] = await tx
      .insert(contributionReports)
      .values({ contributionId: id, reporterId: actor.id, reason })
      .onConflictDoNothing()
      .returning({ id: contributionReports.id });
    if (!inserted) return alreadyReported();
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.report",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
      reason,
    });
    const [open] = await tx
      .select({ n: count() })
      .from(contributionReports)
      .where(and(eq(contributionReports.contributionId, id), isNull(contributionReports.resolvedAt)));
    const openCount = open?.n ?? 0;
    if (openCount < reportThreshold)
      return ok({ id, hidden: false }, "Merci : votre signalement est transmis aux modérateur·rices de la Ville.");
    const hiddenReason = autoHideReason(openCount);
    await tx
      .update(contributions)
      .set({ status: "hidden", hiddenAt: sql`now()`, hiddenById: null, hiddenReason, reviewRequired: true, updatedAt: sql`now()` })
      .where(and(eq(contributions.id, id), eq(contributions.status, "published")));
    await writeAudit(tx, {
      actorUserId: null,
      action: "contribution.auto_hide",
      targetType: "contribution",
      targetId: id,
      councilId: target.councilId,
      reason: hiddenReason,
      details: { openReports: openCount, threshold: reportThreshold },
    });
    await journalFrozenDecksShowing(tx, id, null);
    await notifyModerators(tx, target.councilId, {
      kind: "moderation_reported",
      message: `Une contribution du ${target.councilName} a été masquée après ${openCount} signalements : elle attend votre examen.`,
      link: "/moderation/signalements",
      contributionId: id,
      councilId: target.councilId,
    });
    return ok({ id, hidden: true }, "Merci : votre signalement est transmis aux modérateur·rices de la Ville.");
  });
  if (result.ok && result.data.hidden) requestDigests(db);
  return result;
}

async function hasReported(db: Db, contributionId: number, userId: number): Promise<boolean> {
  const [mine] = await db
    .select({ id: contributionReports.id })
    .from(contributionReports)
    .where(and(eq(contributionReports.contributionId, contributionId), eq(contributionReports.reporterId, userId)));
  return Boolean(mine);
}

export type ReportableItem = ModeratedItem & {
  /** This person already reported it. */
  alreadyReported: boolean;
};

/** A published item as the public sees it, for the report page; anything not published is « not found ». */
export async function loadReportable(db: Db, actor: MaybeActor, id: number): Promise<ActionResult<ReportableItem>> {
  if (!actor) return unauthenticated();
  if (!Number.isInteger(id) || id <= 0) return notFound("Contribution");
  const [row] = await db
    .select({ ...itemColumns, status: contributions.status })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(eq(contributions.id, id));
  if (!row || !can(actor, "contribution.report", { councilId: row.councilId, contributionStatus: row.status }))
    return notFound("Contribution");
  const { status: _s, ...item } = row;
  return ok({ ...toItem(item), alreadyReported: await hasReported(db, id, actor.id) });
}
