import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { pluralize } from "@/lib/labels";
import { can, type MaybeActor } from "@/lib/permissions";
import { rejectionReasonRule, statusLabels, type ApproveData, type BulkDecisionData, type RejectData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { notifyCouncilMembers } from "@/server/notifications/notify";
import { requestDigests } from "@/server/notifications/digest";
import { getPlatformSettings } from "@/server/settings/platform-settings";
import { councilContributionsLink, loadModerationTarget, subjectOf } from "./target";
import { composeReason, type ComposedReason } from "./templates";

type Decision = { id: number; status: "published" | "rejected"; actionId: number };

/**
 * The version of the text the moderator read: the time of its last edit, null if never edited;
 * undefined for no check. When given, a decision applies only to that version — an edit by the
 * council in between wins.
 */
export type SeenVersion = Date | null | undefined;

/** What the moderator who lost the race is told: who decided, and what. */
async function alreadyDecided(db: Db, id: number): Promise<ActionResult<never>> {
  const [row] = await db
    .select({ status: contributions.status, decidedBy: users.displayName })
    .from(contributions)
    .leftJoin(users, eq(users.id, contributions.decidedById))
    .where(eq(contributions.id, id));
  if (!row) return notFound("Contribution");
  if (row.status === "pending")
    return fail("CONFLICT", "Le conseil a modifié ce texte pendant que vous le lisiez : relisez-le avant de décider.");
  const what = statusLabels[row.status].toLowerCase();
  return fail(
    "CONFLICT",
    row.decidedBy ? `Déjà décidé par ${row.decidedBy} : ${what}.` : `Cette contribution n'est plus en attente de modération (${what}).`,
  );
}

function versionCondition(version: SeenVersion) {
  if (version === undefined) return undefined;
  return version === null ? isNull(contributions.editedAt) : eq(contributions.editedAt, version);
}

/*
 * One decision per item, even when two moderators act at once: the UPDATE applies only while the
 * row is still pending (PostgreSQL re-checks the condition after waiting for the other writer);
 * the loser updates nothing, writes no audit row and is told what happened. The council is told
 * in the same transaction (a decision that rolls back announces nothing).
 */
async function decide(
  db: Db,
  actor: MaybeActor,
  id: number,
  decision: "published" | "rejected",
  reason: ComposedReason | null,
  version: SeenVersion,
  answerDueDays: number,
): Promise<ActionResult<Decision>> {
  if (!actor) return unauthenticated();
  const target = await loadModerationTarget(db, id);
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.moderate", { councilId: target.councilId })) return forbidden();

  const result = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(contributions)
      .set({
        status: decision,
        decidedById: actor.id,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
        ...(decision === "published"
          ? {
              publishedAt: sql`now()`,
              // Proposals: the City's answer is due this many days after publication (the setting of today).
              answerDueAt: sql`case when ${contributions.kind} = 'proposal' then now() + make_interval(days => ${answerDueDays}::int) else null end`,
            }
          : { rejectionReason: reason?.text ?? null }),
      })
      .where(
        and(
          eq(contributions.id, id),
          eq(contributions.status, "pending"),
          eq(contributions.councilId, target.councilId),
          versionCondition(version),
        ),
      )
      .returning({ id: contributions.id, actionId: contributions.actionId, councilId: contributions.councilId });
    if (!updated) return null;
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: decision === "published" ? "contribution.approve" : "contribution.reject",
      targetType: "contribution",
      targetId: id,
      councilId: updated.councilId,
      reason: reason?.text,
      // The template a rejection started from: the public register counts refusals by it.
      details: reason?.templateId ? { templateId: reason.templateId } : undefined,
    });
    const { subject, e } = subjectOf(target);
    await notifyCouncilMembers(tx, target.councilId, {
      kind: decision === "published" ? "contribution_approved" : "contribution_rejected",
      // The reason is not copied here: the council reads it in its own space (never public).
      message:
        decision === "published"
          ? `${subject} a été approuvé${e} par la Ville : ${e ? "elle" : "il"} est maintenant ${e ? "publique" : "public"}.`
          : `${subject} a été refusé${e} par la Ville. La raison est indiquée dans l'espace du conseil.`,
      link: councilContributionsLink(target),
      contributionId: id,
    });
    return { id, status: decision, actionId: updated.actionId } satisfies Decision;
  });
  if (!result) return alreadyDecided(db, id);
  return ok(
    result,
    decision === "published"
      ? "Contribution approuvée : elle est maintenant publique."
      : "Contribution refusée : le conseil verra la raison.",
  );
}

/** Publishes a pending item of a council the moderator does not belong to. Exactly once. */
export async function approveContribution(db: Db, actor: MaybeActor, input: ApproveData): Promise<ActionResult<Decision>> {
  if (!actor) return unauthenticated();
  const { answerDueDays } = await getPlatformSettings(db);
  const result = await decide(db, actor, input.id, "published", null, input.version, answerDueDays);
  if (result.ok) requestDigests(db);
  return result;
}

/**
 * Rejects a pending item with a reason the council sees (never the public). Exactly once. The
 * reason may start from a template (`templateId`): its text comes first, then the free text.
 */
export async function rejectContribution(db: Db, actor: MaybeActor, input: RejectData): Promise<ActionResult<Decision>> {
  if (!actor) return unauthenticated();
  const reason = await composeReason(db, input, rejectionReasonRule);
  if (!reason.ok) return reason;
  const result = await decide(db, actor, input.id, "rejected", reason.data, input.version, 0);
  if (result.ok) requestDigests(db);
  return result;
}

export interface BulkOutcome {
  decided: number;
  /** Decided by another moderator first (or edited by the council meanwhile). */
  conflicts: number;
  /** Not decidable by this moderator (own council, unknown item). */
  refused: number;
}

/**
 * Approves or rejects several items; each goes through the same exactly-once decision as a single
 * one, so two moderators working on the same selection never decide an item twice.
 */
export async function bulkDecide(db: Db, actor: MaybeActor, input: BulkDecisionData): Promise<ActionResult<BulkOutcome>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const { decision } = input;
  let reason: ComposedReason | null = null;
  if (decision === "rejected") {
    const composed = await composeReason(db, input, rejectionReasonRule);
    if (!composed.ok) return composed;
    reason = composed.data;
  }
  const { answerDueDays } = decision === "published" ? await getPlatformSettings(db) : { answerDueDays: 0 };
  const outcome: BulkOutcome = { decided: 0, conflicts: 0, refused: 0 };
  for (const id of new Set(input.ids)) {
    const result = await decide(db, actor, id, decision, reason, undefined, answerDueDays);
    if (result.ok) outcome.decided++;
    else if (result.code === "CONFLICT") outcome.conflicts++;
    else outcome.refused++;
  }
  if (outcome.decided === 0 && outcome.conflicts === 0) return forbidden();
  if (outcome.decided > 0) requestDigests(db);
  const done =
    decision === "published" ? pluralize(outcome.decided, "approuvée", "approuvées") : pluralize(outcome.decided, "refusée", "refusées");
  const parts = [done];
  if (outcome.conflicts > 0) parts.push(`${pluralize(outcome.conflicts, "déjà décidée", "déjà décidées")} par un·e autre modérateur·rice`);
  if (outcome.refused > 0) parts.push(`${pluralize(outcome.refused, "que vous ne pouvez pas décider", "que vous ne pouvez pas décider")}`);
  return ok(outcome, `${parts.join(", ")}.`);
}
