import "server-only";
import type { Db } from "@/db/client";
import { fail, forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { InviteStaffData } from "@/lib/validation/admin";
import { writeAudit } from "../audit";
import { refuseDeactivatedAddress } from "../invitations/deactivated-address";
import { issueInvitation, sendInvitationMail } from "../invitations/issue";

class MailNotSent extends Error {}

/**
 * An administrator invites a staff member or an official by email. The invitation row, its
 * journal row and the mail succeed together or not at all (the mail is sent inside the
 * transaction: if it fails, nothing is kept). The roles are granted when the link is used.
 */
export async function inviteStaff(
  db: Db,
  actor: MaybeActor,
  data: InviteStaffData,
): Promise<ActionResult<{ email: string; invitationId: number }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.invite_staff")) return forbidden();
  const { email, moderator, official, admin, title } = data;
  const deactivated = await refuseDeactivatedAddress(db, email, true);
  if (deactivated) return deactivated;

  let invitationId = 0;
  try {
    await db.transaction(async (tx) => {
      const issued = await issueInvitation(tx, {
        kind: "staff",
        email,
        grantModerator: moderator,
        grantOfficial: official,
        grantAdmin: admin,
        title,
        invitedById: actor.id,
      });
      invitationId = issued.id;
      await writeAudit(tx, {
        actorUserId: actor.id,
        action: "user.invite_staff",
        targetType: "invitation",
        targetId: issued.id,
        // Never the e-mail: the row names the invitation (its address is shown while the invitation
        // exists, its account once accepted), so the journal holds no address to erase later.
        details: { grants: { moderator, official, admin }, ...(title ? { title } : {}) },
      });
      try {
        await sendInvitationMail(tx, issued);
      } catch (error) {
        throw new MailNotSent("invitation mail not sent", { cause: error });
      }
    });
  } catch (error) {
    if (error instanceof MailNotSent) {
      console.error("[invitation] envoi du courriel impossible", error.cause);
      return fail("MAIL_FAILED", "Le courriel n'a pas pu partir : l'invitation n'a pas été enregistrée. Réessayez dans quelques minutes.");
    }
    throw error;
  }
  return ok({ email, invitationId }, `Invitation envoyée à ${email}. Le lien est valable 7 jours.`);
}
