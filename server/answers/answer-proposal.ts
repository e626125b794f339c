import "server-only";
import { onBehalfOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributionAnswers, contributions, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { answerStateLabels, type AnswerData } from "@/lib/validation/answer";
import { writeAudit } from "@/server/audit";
import { requestDigests } from "@/server/notifications/digest";
import { notifyCouncilMembers } from "@/server/notifications/notify";
import { contributionPermalink } from "@/server/plan/locate-contribution";
import { loadProposalTarget } from "./proposal-target";

/** The signature of an answer when the answerer has no title. */
/** An answer's signature when its author has no title: « pour la Ville de Démoville » (the City's name from the settings). */
export const defaultSignatureTitle = async (db: Db) => onBehalfOf((await getCityIdentity(db)).cityName);

export interface RecordedAnswer {
  answerId: number;
  contributionId: number;
  actionSlug: string;
  /** True when this form had already been recorded (sent twice): nothing new was written. */
  replay: boolean;
}

/**
 * The City answers a published proposal (moderators and officials, never about a council they
 * belong to): a state and a text, signed with the answerer's name and title as they are now.
 * Answers accumulate as a public history. In one transaction: the answer, the proposal's first
 * answer time (only the first time), the journal row and the council members' notifications.
 * Idempotent: the same `clientRequestId` twice, even at once, records one answer.
 * The caller refreshes the public pages.
 */
export async function answerProposal(db: Db, actor: MaybeActor, data: AnswerData): Promise<ActionResult<RecordedAnswer>> {
  if (!actor) return unauthenticated();

  const [target, [signer]] = await Promise.all([
    loadProposalTarget(db, data.contributionId),
    db
      .select({ displayName: users.displayName, title: users.title })
      .from(users)
      .where(and(eq(users.id, actor.id), isNull(users.deactivatedAt))),
  ]);
  if (!target) return notFound("Proposition");
  if (!signer) return unauthenticated();
  const context = { councilId: target.councilId, contributionKind: target.kind, contributionStatus: target.status };
  if (!can(actor, "contribution.answer", context)) {
    // Staff asking about something that is not (or no longer) a published proposal: say so plainly.
    if ((actor.isModerator || actor.isOfficial) && !actor.councils.has(target.councilId)) return notFound("Proposition publiée");
    return forbidden();
  }

  const result = await db.transaction(async (tx): Promise<ActionResult<RecordedAnswer>> => {
    // Locks the proposal: an answer and a hide of the same item do not cross.
    const [locked] = await tx
      .select({ status: contributions.status })
      .from(contributions)
      .where(eq(contributions.id, data.contributionId))
      .for("update");
    if (locked?.status !== "published") return notFound("Proposition publiée");

    const title = signer.title?.trim() || null;
    const [created] = await tx
      .insert(contributionAnswers)
      .values({
        contributionId: data.contributionId,
        state: data.state,
        body: data.body,
        authorId: actor.id,
        signatureName: signer.displayName,
        signatureTitle: title ?? (await defaultSignatureTitle(tx)),
        clientRequestId: data.clientRequestId,
      })
      .onConflictDoNothing({ target: contributionAnswers.clientRequestId })
      .returning({ id: contributionAnswers.id });
    if (!created) {
      const [existing] = await tx
        .select({ id: contributionAnswers.id, authorId: contributionAnswers.authorId, contributionId: contributionAnswers.contributionId })
        .from(contributionAnswers)
        .where(eq(contributionAnswers.clientRequestId, data.clientRequestId));
      if (existing && existing.authorId === actor.id && existing.contributionId === data.contributionId) {
        return ok(
          { answerId: existing.id, contributionId: data.contributionId, actionSlug: target.actionSlug, replay: true },
          "Cette réponse était déjà enregistrée.",
        );
      }
      return fail("CONFLICT", "Ce formulaire a déjà été envoyé. Rechargez la page pour écrire une nouvelle réponse.");
    }

    // The first answer only: later answers keep the time of the first one (for the median).
    const [first] = await tx
      .update(contributions)
      .set({ firstAnsweredAt: sql`now()` })
      .where(and(eq(contributions.id, data.contributionId), isNull(contributions.firstAnsweredAt)))
      .returning({ id: contributions.id });

    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.answer",
      targetType: "contribution",
      targetId: data.contributionId,
      councilId: target.councilId,
      details: { answerId: created.id, state: data.state, first: Boolean(first) },
    });
    await notifyCouncilMembers(
      tx,
      target.councilId,
      {
        kind: "contribution_answered",
        message: `La Ville a répondu à votre proposition « ${target.title ?? ""} » : ${answerStateLabels[data.state].toLowerCase()}.`,
        link: contributionPermalink(target.actionSlug, data.contributionId),
        contributionId: data.contributionId,
      },
      actor.id,
    );
    return ok(
      { answerId: created.id, contributionId: data.contributionId, actionSlug: target.actionSlug, replay: false },
      "Réponse publiée : elle apparaît sur la fiche action et le conseil est prévenu.",
    );
  });
  // After the commit: the council's members who get their notifications by email.
  if (result.ok && !result.data.replay) requestDigests(db);
  return result;
}
