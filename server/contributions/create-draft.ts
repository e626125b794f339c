import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ContributionData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { actionPlanState, refuseOutsideCurrentPlan } from "@/server/plan/plan-state";

/**
 * Writes a draft avis or proposition in the name of one of the actor's councils (members and
 * referents only). Idempotent: the same `clientRequestId` twice, even at once, gives one draft.
 */
export async function createDraft(
  db: Db,
  actor: MaybeActor,
  data: ContributionData,
): Promise<ActionResult<{ id: number; councilSlug: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "contribution.draft", { councilId: data.councilId })) return forbidden();

  const [[action], [council]] = await Promise.all([
    // An archived fiche takes no new contribution (those it has stay, and keep their course), nor
    // a fiche of a draft or closed plan.
    db
      .select({ id: actions.id, planState: actionPlanState })
      .from(actions)
      .where(and(eq(actions.slug, data.actionSlug), isNull(actions.archivedAt))),
    db
      .select({ id: councils.id, slug: councils.slug })
      .from(councils)
      .where(and(eq(councils.id, data.councilId), isNull(councils.archivedAt))),
  ]);
  if (!action || action.planState === "draft")
    return fail("VALIDATION_FAILED", "Cette fiche action n'existe pas.", { actionSlug: ["Choisissez une fiche action de la liste."] });
  const outside = refuseOutsideCurrentPlan(action.planState, "actionSlug");
  if (outside) return outside;
  if (!council) return notFound("Conseil");

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(contributions)
      .values({
        councilId: data.councilId,
        actionId: action.id,
        kind: data.kind,
        position: data.kind === "feedback" ? data.position : null,
        title: data.kind === "proposal" ? data.title : null,
        body: data.body,
        status: "draft",
        authorId: actor.id,
        clientRequestId: data.clientRequestId,
      })
      .onConflictDoNothing({ target: contributions.clientRequestId })
      .returning({ id: contributions.id });
    if (!created) {
      // The same form was already sent: give back what it created, if it is the same person's.
      const [existing] = await tx
        .select({ id: contributions.id, authorId: contributions.authorId })
        .from(contributions)
        .where(eq(contributions.clientRequestId, data.clientRequestId));
      if (existing && existing.authorId === actor.id)
        return ok({ id: existing.id, councilSlug: council.slug }, "Ce brouillon était déjà enregistré.");
      return fail("CONFLICT", "Ce formulaire a déjà été envoyé. Rechargez la page pour en écrire un nouveau.");
    }
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.draft",
      targetType: "contribution",
      targetId: created.id,
      councilId: data.councilId,
      details: { kind: data.kind, actionSlug: data.actionSlug },
    });
    return ok(
      { id: created.id, councilSlug: council.slug },
      "Brouillon enregistré : les membres du conseil peuvent le commenter avant de le soumettre.",
    );
  });
}
