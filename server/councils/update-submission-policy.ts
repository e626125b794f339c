import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { SubmissionPolicy, SubmissionPolicyData } from "@/lib/validation/settings";
import { writeAudit } from "@/server/audit";
import { findActiveCouncil } from "./memberships";

export interface CouncilSettings {
  council: { id: number; slug: string; name: string };
  submissionPolicy: SubmissionPolicy;
}

/** A council's settings page: its referents and the administrators only (others: FORBIDDEN, the page answers 404). */
export async function getCouncilSettings(db: Db, actor: MaybeActor, slug: string): Promise<ActionResult<CouncilSettings>> {
  if (!actor) return unauthenticated();
  const council = await findActiveCouncil(db, slug);
  if (!council) return notFound("Conseil");
  if (!can(actor, "council.settings.update", { councilId: council.id })) return forbidden();
  const [row] = await db.select({ policy: councils.submissionPolicy }).from(councils).where(eq(councils.id, council.id));
  return ok({ council: { id: council.id, slug: council.slug, name: council.name }, submissionPolicy: row?.policy ?? "any_member" });
}

/**
 * Who may submit the council's drafts to moderation: any member, or its referents only. Its
 * referents and the administrators decide; the journal keeps the value before and after.
 */
export async function updateSubmissionPolicy(
  db: Db,
  actor: MaybeActor,
  { councilId, policy }: SubmissionPolicyData,
): Promise<ActionResult<{ policy: SubmissionPolicy; changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.settings.update", { councilId })) return forbidden();

  return db.transaction(async (tx) => {
    const [council] = await tx
      .select({ policy: councils.submissionPolicy })
      .from(councils)
      .where(and(eq(councils.id, councilId), isNull(councils.archivedAt)))
      .for("update");
    if (!council) return notFound("Conseil");
    const message =
      policy === "referents_only"
        ? "Enregistré : seul·e·s les référent·e·s peuvent soumettre une contribution à la modération."
        : "Enregistré : tout membre du conseil peut soumettre une contribution à la modération.";
    if (council.policy === policy) return ok({ policy, changed: false }, message);
    await tx.update(councils).set({ submissionPolicy: policy }).where(eq(councils.id, councilId));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "council.settings.update",
      targetType: "council",
      targetId: councilId,
      councilId,
      details: { before: { submissionPolicy: council.policy }, after: { submissionPolicy: policy } },
    });
    return ok({ policy, changed: true }, message);
  });
}
