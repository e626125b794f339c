import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { ChangeRolesData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins } from "./shared";

export const ERASED_ROLES_MESSAGE = "Ce compte a été supprimé : ses rôles ne peuvent plus être changés.";

export interface ChangeRolesOutcome {
  userId: number;
  changed: boolean;
}

/**
 * Sets a person's global roles and title, with a reason in the journal. Never on oneself, and
 * never leaves the site without an active administrator, even when two admins act at once.
 * The new roles apply on the person's next request (roles are read fresh by loadActor).
 */
export async function changeRoles(db: Db, actor: MaybeActor, data: ChangeRolesData): Promise<ActionResult<ChangeRolesOutcome>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.roles.change")) return forbidden();
  if (!can(actor, "user.roles.change", { targetUserId: data.userId })) {
    return fail("FORBIDDEN", "Vous ne pouvez pas changer vos propres rôles : demandez-le à un·e autre administrateur·rice.");
  }

  return db.transaction(async (tx): Promise<ActionResult<ChangeRolesOutcome>> => {
    const admins = await lockActiveAdmins(tx);
    const [target] = await tx
      .select({
        id: users.id,
        title: users.title,
        isModerator: users.isModerator,
        isOfficial: users.isOfficial,
        isAdmin: users.isAdmin,
        deactivatedAt: users.deactivatedAt,
        erasedAt: users.erasedAt,
      })
      .from(users)
      .where(eq(users.id, data.userId))
      .for("update");
    if (!target) return notFound("Personne");
    // An erased account is an empty row kept for what points at it: giving it roles (or a title,
    // which is personal data) would bring back a person who asked to be forgotten.
    if (target.erasedAt) return fail("CONFLICT", ERASED_ROLES_MESSAGE);

    if (admins.includes(target.id) && !data.admin && admins.length <= 1) return fail("CONFLICT", LAST_ADMIN_MESSAGE);
    // The actor was read at the start of the request; a concurrent change may have removed their rights since.
    if (!admins.includes(actor.id)) return forbidden();

    const before = { moderator: target.isModerator, official: target.isOfficial, admin: target.isAdmin, title: target.title };
    const after = { moderator: data.moderator, official: data.official, admin: data.admin, title: data.title };
    if (JSON.stringify(before) === JSON.stringify(after)) return ok({ userId: target.id, changed: false }, "Rien n'a changé.");

    await tx
      .update(users)
      .set({ isModerator: data.moderator, isOfficial: data.official, isAdmin: data.admin, title: data.title })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "user.roles.change",
      targetType: "user",
      targetId: target.id,
      reason: data.reason,
      details: { before, after },
    });
    return ok({ userId: target.id, changed: true }, "Les rôles ont été modifiés.");
  });
}
