import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { writeAudit } from "@/server/audit";

/**
 * « Se déconnecter de tous les appareils »: bumps the actor's session version, so every session
 * token issued before — on this device and every other — is refused on its next request
 * (server/auth/actor.ts). Only ever the actor's own sessions; audited in the same transaction.
 */
export async function revokeAllSessions(db: Db, actor: MaybeActor): Promise<ActionResult<{ sessionVersion: number }>> {
  if (!actor || !can(actor, "session.revoke_all", { targetUserId: actor.id })) return unauthenticated();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, actor.id), isNull(users.deactivatedAt)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) return unauthenticated();
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "session.revoke_all",
      targetType: "user",
      targetId: actor.id,
      details: { sessionVersion: row.sessionVersion },
    });
    return ok({ sessionVersion: row.sessionVersion }, "Vous êtes déconnecté·e de tous vos appareils.");
  });
}
