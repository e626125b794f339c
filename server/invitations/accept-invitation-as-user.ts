import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, invitations, users } from "@/db/schema";
import { fail, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { AcceptInvitationAsUserData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { hashToken } from "@/server/auth/tokens";
import { invalidInvitation } from "./errors";
import { invalidReason, looksLikeToken } from "./get-invitation";

export const WRONG_ACCOUNT_MESSAGE =
  "Cette invitation est adressée à une autre adresse électronique. Connectez-vous avec le compte de cette adresse pour l'accepter.";

/**
 * Someone who already has an account accepts an invitation sent to their address: only when
 * signed in as that very address. Adds the membership (or raises a member to referent if so
 * invited — never lowers a role) or the staff roles; the invitation is used once.
 */
export async function acceptInvitationAsUser(
  db: Db,
  actor: MaybeActor,
  { token }: AcceptInvitationAsUserData,
): Promise<ActionResult<{ kind: "council" | "staff"; councilSlug: string | null }>> {
  if (!actor || !can(actor, "space.view")) return unauthenticated();
  if (!looksLikeToken(token)) return invalidInvitation("unknown");

  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update");
    if (!invitation) return invalidInvitation("unknown");
    const [me] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, actor.id), isNull(users.deactivatedAt)));
    if (!me) return unauthenticated();
    const [council] = invitation.councilId
      ? await tx
          .select({ slug: councils.slug, archivedAt: councils.archivedAt })
          .from(councils)
          .where(eq(councils.id, invitation.councilId))
      : [];
    const reason = invalidReason(invitation, invitation.kind === "council" && (!council || Boolean(council.archivedAt)));
    if (reason) return invalidInvitation(reason);
    if (me.email !== invitation.email) return fail("FORBIDDEN", WRONG_ACCOUNT_MESSAGE);

    let previousRole: string | null = null;
    if (invitation.kind === "council" && invitation.councilId) {
      const invitedRole = invitation.councilRole ?? "member";
      const [existing] = await tx
        .select({ role: councilMemberships.role })
        .from(councilMemberships)
        .where(and(eq(councilMemberships.councilId, invitation.councilId), eq(councilMemberships.userId, actor.id)))
        .for("update");
      previousRole = existing?.role ?? null;
      if (!existing) {
        await tx.insert(councilMemberships).values({ councilId: invitation.councilId, userId: actor.id, role: invitedRole });
      } else if (existing.role === "member" && invitedRole === "referent") {
        await tx
          .update(councilMemberships)
          .set({ role: "referent" })
          .where(and(eq(councilMemberships.councilId, invitation.councilId), eq(councilMemberships.userId, actor.id)));
      }
    } else if (invitation.kind === "staff") {
      // Adds the invited roles; never removes one the person already has. The invitation's title,
      // when the admin gave one, is the person's title from now on (the one they had is replaced).
      const grants = {
        ...(invitation.grantModerator ? { isModerator: true } : {}),
        ...(invitation.grantOfficial ? { isOfficial: true } : {}),
        ...(invitation.grantAdmin ? { isAdmin: true } : {}),
        ...(invitation.title ? { title: invitation.title } : {}),
      };
      if (Object.keys(grants).length > 0) await tx.update(users).set(grants).where(eq(users.id, actor.id));
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedUserId: actor.id })
      .where(eq(invitations.id, invitation.id));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "invitation.accept",
      targetType: "invitation",
      targetId: invitation.id,
      councilId: invitation.councilId,
      details: {
        kind: invitation.kind,
        newAccount: false,
        ...(invitation.kind === "council"
          ? { role: invitation.councilRole, previousRole }
          : { grants: { moderator: invitation.grantModerator, official: invitation.grantOfficial, admin: invitation.grantAdmin } }),
      },
    });
    return ok({ kind: invitation.kind, councilSlug: council?.slug ?? null }, "Invitation acceptée.");
  });
}
