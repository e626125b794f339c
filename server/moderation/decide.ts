import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { rejectSchema, statusLabels, type RejectInput } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { validationFailed } from "@/server/contributions/shared";

type Decision = { id: number; status: "published" | "rejected"; actionId: number };

async function loadTarget(db: Db, id: number) {
  const [target] = await db.select({ councilId: contributions.councilId }).from(contributions).where(eq(contributions.id, id));
  return target;
}

/** What the moderator who lost the race is told: who decided, and what. */
async function alreadyDecided(db: Db, id: number): Promise<ActionResult<never>> {
  const [row] = await db
    .select({ status: contributions.status, decidedBy: users.displayName })
    .from(contributions)
    .leftJoin(users, eq(users.id, contributions.decidedById))
    .where(eq(contributions.id, id));
  if (!row) return notFound("Contribution");
  const what = statusLabels[row.status].toLowerCase();
  return fail(
    "CONFLICT",
    row.decidedBy ? `Déjà décidé par ${row.decidedBy} : ${what}.` : `Cette contribution n'est plus en attente de modération (${what}).`,
  );
}

/*
 * One decision per item, even when two moderators act at once: the UPDATE applies only while the
 * row is still pending (PostgreSQL re-checks the condition after waiting for the other writer);
 * the loser updates nothing, writes no audit row and is told what happened.
 */
async function decide(
  db: Db,
  actor: MaybeActor,
  id: number,
  decision: "published" | "rejected",
  reason: string | null,
): Promise<ActionResult<Decision>> {
  if (!actor) return unauthenticated();
  if (!Number.isInteger(id) || id <= 0) return notFound("Contribution");
  const target = await loadTarget(db, id);
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
        ...(decision === "published" ? { publishedAt: sql`now()` } : { rejectionReason: reason }),
      })
      .where(and(eq(contributions.id, id), eq(contributions.status, "pending"), eq(contributions.councilId, target.councilId)))
      .returning({ id: contributions.id, actionId: contributions.actionId, councilId: contributions.councilId });
    if (!updated) return null;
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: decision === "published" ? "contribution.approve" : "contribution.reject",
      targetType: "contribution",
      targetId: id,
      councilId: updated.councilId,
      reason,
    });
    return { id, status: decision, actionId: updated.actionId } satisfies Decision;
  });
  if (!result) return alreadyDecided(db, id);
  return ok(result, decision === "published" ? "Contribution approuvée : elle est maintenant publique." : "Contribution refusée : le conseil verra la raison.");
}

/** Publishes a pending item of a council the moderator does not belong to. Exactly once. */
export function approveContribution(db: Db, actor: MaybeActor, input: { id: number }) {
  return decide(db, actor, Number(input.id), "published", null);
}

/** Rejects a pending item with a reason the council sees (never the public). Exactly once. */
export async function rejectContribution(db: Db, actor: MaybeActor, input: RejectInput): Promise<ActionResult<Decision>> {
  if (!actor) return unauthenticated();
  const parsed = rejectSchema.safeParse(input);
  if (!parsed.success) return validationFailed(parsed.error);
  return decide(db, actor, parsed.data.id, "rejected", parsed.data.reason);
}
