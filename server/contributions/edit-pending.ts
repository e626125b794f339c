import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { EditPendingData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";

const tooLate = () =>
  fail("CONFLICT", "Cette contribution n'est plus en attente : la Ville l'a déjà examinée, elle ne peut plus être modifiée.");

/**
 * A council's member corrects an item while it waits for moderation (it stays pending; moderators
 * see « modifié le … »). One conditional UPDATE: if a moderator decides at the same moment, exactly
 * one of the two applies — a decision carries the version the moderator read (server/moderation/decide.ts).
 */
export async function editPendingContribution(
  db: Db,
  actor: MaybeActor,
  data: EditPendingData,
): Promise<ActionResult<{ id: number; editedAt: Date; councilSlug: string }>> {
  if (!actor) return unauthenticated();
  const [target] = await db
    .select({ councilId: contributions.councilId, councilSlug: councils.slug, status: contributions.status, kind: contributions.kind })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.id, data.id));
  if (!target) return notFound("Contribution");
  if (!can(actor, "contribution.draft", { councilId: target.councilId })) return forbidden();
  if (!can(actor, "contribution.edit_pending", { councilId: target.councilId, contributionStatus: target.status })) return tooLate();
  if (target.kind !== data.kind) return fail("VALIDATION_FAILED", "Un avis reste un avis, une proposition reste une proposition.");

  // Milliseconds only (a JavaScript date): the version moderators send back compares exactly.
  const editedAt = new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(contributions)
      .set({
        body: data.body,
        ...(data.kind === "proposal" ? { title: data.title } : { position: data.position }),
        editedAt,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contributions.id, data.id), eq(contributions.status, "pending"), eq(contributions.councilId, target.councilId)))
      .returning({ id: contributions.id });
    if (!updated) return tooLate();
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.edit_pending",
      targetType: "contribution",
      targetId: data.id,
      councilId: target.councilId,
    });
    return ok(
      { id: data.id, editedAt, councilSlug: target.councilSlug },
      "Modification enregistrée : la contribution attend toujours la modération.",
    );
  });
}
