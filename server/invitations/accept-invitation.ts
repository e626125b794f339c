import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, invitations, users } from "@/db/schema";
import { fail, invalidInput, ok, type ActionResult } from "@/lib/action-result";
import type { AcceptInvitationData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { isCommonPasswordHere } from "@/server/auth/common-passwords";
import { hashPassword } from "@/server/auth/password";
import { hashToken } from "@/server/auth/tokens";
import { invalidInvitation, isUniqueViolation } from "./errors";
import { getInvitation, invalidReason, looksLikeToken } from "./get-invitation";

export const COMMON_PASSWORD_MESSAGE =
  "Ce mot de passe est trop courant : il serait vite deviné. Choisissez-en un autre, par exemple une phrase de quelques mots.";
const ACCOUNT_EXISTS_MESSAGE =
  "Un compte existe déjà avec cette adresse électronique : connectez-vous avec ce compte pour accepter l'invitation.";

/**
 * A person without an account accepts an invitation: creates their account (with the invited
 * staff roles, or the membership of the invited council) and uses up the invitation — once, even
 * under two simultaneous submissions (the invitation row is locked for the transaction). The link's
 * token is the only credential: no actor.
 */
export async function acceptInvitation(
  db: Db,
  { token, displayName, password }: AcceptInvitationData,
): Promise<ActionResult<{ email: string; councilSlug: string | null }>> {
  // The list of common passwords lives on the server only: checked here, after the form's rules.
  if (await isCommonPasswordHere(db, password)) return invalidInput({ issues: [{ path: ["password"], message: COMMON_PASSWORD_MESSAGE }] });

  // A cheap look first, so a dead link costs no password hashing; the real check is under the lock.
  const preview = await getInvitation(db, token);
  if (preview.status === "invalid") return invalidInvitation(preview.reason);
  if (preview.hasAccount) return fail("CONFLICT", ACCOUNT_EXISTS_MESSAGE);
  const passwordHash = await hashPassword(password);

  try {
    return await db.transaction(async (tx) => {
      if (!looksLikeToken(token)) return invalidInvitation("unknown");
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(token)))
        .for("update");
      if (!invitation) return invalidInvitation("unknown");
      const [council] = invitation.councilId
        ? await tx
            .select({ slug: councils.slug, archivedAt: councils.archivedAt })
            .from(councils)
            .where(eq(councils.id, invitation.councilId))
        : [];
      const reason = invalidReason(invitation, invitation.kind === "council" && (!council || Boolean(council.archivedAt)));
      if (reason) return invalidInvitation(reason);

      const [user] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          displayName,
          passwordHash,
          isModerator: invitation.kind === "staff" && invitation.grantModerator,
          isOfficial: invitation.kind === "staff" && invitation.grantOfficial,
          isAdmin: invitation.kind === "staff" && invitation.grantAdmin,
          title: invitation.kind === "staff" ? invitation.title : null,
        })
        .returning({ id: users.id });
      if (invitation.kind === "council" && invitation.councilId) {
        await tx
          .insert(councilMemberships)
          .values({ councilId: invitation.councilId, userId: user!.id, role: invitation.councilRole ?? "member" });
      }
      await tx
        .update(invitations)
        .set({ acceptedAt: sql`now()`, acceptedUserId: user!.id })
        .where(eq(invitations.id, invitation.id));
      await writeAudit(tx, {
        actorUserId: user!.id,
        action: "invitation.accept",
        targetType: "invitation",
        targetId: invitation.id,
        councilId: invitation.councilId,
        details: {
          kind: invitation.kind,
          newAccount: true,
          ...(invitation.kind === "council"
            ? { role: invitation.councilRole }
            : { grants: { moderator: invitation.grantModerator, official: invitation.grantOfficial, admin: invitation.grantAdmin } }),
        },
      });
      return ok({ email: invitation.email, councilSlug: council?.slug ?? null }, "Votre compte est créé.");
    });
  } catch (error) {
    // Another link for the same address was used at the same moment: the account exists now.
    if (isUniqueViolation(error)) return fail("CONFLICT", ACCOUNT_EXISTS_MESSAGE);
    throw error;
  }
}
