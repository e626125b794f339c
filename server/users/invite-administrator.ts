import "server-only";
import type { Db } from "@/db/client";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { emailSchema } from "@/lib/validation/password";
import { writeAudit } from "../audit";
import { refuseDeactivatedAddress } from "../invitations/deactivated-address";
import { invitationLink, issueInvitation, sendInvitationMail } from "../invitations/issue";

/*
 * The first administrator of an install (`npm run admin:invite -- <adresse>`): in production no
 * demo account exists, and only an administrator can invite one from the site. Whoever runs the
 * command on the server already holds the database, so it asks no one's permission; the journal row
 * says it came from the command line (no actor). The link is returned, to be printed: on a new
 * install the mail may not be configured yet. Also the way back in when every administrator left.
 */
export async function inviteAdministratorFromCommandLine(
  db: Db,
  address: string,
): Promise<ActionResult<{ email: string; invitationId: number; link: string; mailed: boolean }>> {
  const parsed = emailSchema.safeParse(address);
  if (!parsed.success) return fail("VALIDATION_FAILED", parsed.error.issues[0]!.message);
  const email = parsed.data;
  const deactivated = await refuseDeactivatedAddress(db, email, true);
  if (deactivated) return deactivated;
  const issued = await db.transaction(async (tx) => {
    const invitation = await issueInvitation(tx, { kind: "staff", email, grantAdmin: true, invitedById: null });
    await writeAudit(tx, {
      actorUserId: null,
      action: "user.invite_staff",
      targetType: "invitation",
      targetId: invitation.id,
      details: { grants: { moderator: false, official: false, admin: true }, via: "ligne de commande" },
    });
    return invitation;
  });
  // After the commit: the link printed works whether the mail leaves or not.
  let mailed = true;
  try {
    await sendInvitationMail(db, issued);
  } catch (error) {
    mailed = false;
    console.error("[invitation] courriel non envoyé :", error instanceof Error ? error.message : error);
  }
  return ok(
    { email, invitationId: issued.id, link: invitationLink(issued.token), mailed },
    `Invitation d'administrateur·rice créée pour ${email}, valable 7 jours.`,
  );
}
