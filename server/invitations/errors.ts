import { fail, type ActionResult } from "@/lib/action-result";
import type { InvalidReason } from "./get-invitation";

/** What the holder of a dead link is told, by reason. */
export const invalidInvitationMessages: Record<InvalidReason, string> = {
  unknown: "Ce lien d'invitation n'est pas valable. Vérifiez que vous avez copié l'adresse en entier.",
  expired: "Ce lien d'invitation a expiré : il n'était valable que 7 jours.",
  used: "Ce lien d'invitation a déjà servi : il ne sert qu'une fois.",
  revoked: "Cette invitation a été annulée.",
};

export const invalidInvitation = (reason: InvalidReason): ActionResult<never> =>
  fail("INVITATION_INVALID", invalidInvitationMessages[reason]);

/** True for a unique-constraint violation (23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
