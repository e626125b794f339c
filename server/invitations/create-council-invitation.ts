import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CouncilInvitationData } from "@/lib/validation/council";
import { writeAudit } from "@/server/audit";
import { refuseDeactivatedAddress } from "./deactivated-address";
import { issueInvitation, sendInvitationMail } from "./issue";

class MailNotSent extends Error {}

/**
 * A referent of the council (or an admin) invites an address to it. The answer is the same
 * whether or not the address already has an account (the mail's wording differs, the inviter
 * never learns which). Row, journal and mail succeed together or not at all.
 */
export async function createCouncilInvitation(
  db: Db,
  actor: MaybeActor,
  { councilId, email, role }: CouncilInvitationData,
): Promise<ActionResult<{ email: string }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "council.members.invite", { councilId })) return forbidden();
  const [council] = await db.select({ archivedAt: councils.archivedAt }).from(councils).where(eq(councils.id, councilId));
  if (!council || council.archivedAt) return notFound("Conseil");
  const deactivated = await refuseDeactivatedAddress(db, email, actor.isAdmin);
  if (deactivated) return deactivated;

  try {
    await db.transaction(async (tx) => {
      const issued = await issueInvitation(tx, { kind: "council", email, councilId, councilRole: role, invitedById: actor.id });
      await writeAudit(tx, {
        actorUserId: actor.id,
        action: "council.members.invite",
        targetType: "invitation",
        targetId: issued.id,
        councilId,
        // The invitation is the target: no e-mail in the journal, and nothing that would tell
        // whether the address has an account (list-audit-log.ts shows the address or the account).
        details: { role },
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
  return ok({ email }, `Invitation envoyée à ${email}.`);
}
