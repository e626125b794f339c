"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/server/db";
import { fail, unauthenticated, type ActionResult } from "@/lib/action-result";
import { acceptInvitationSchema } from "@/lib/validation/council";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { acceptInvitationAsUser } from "@/server/invitations/accept-invitation-as-user";

/**
 * Creates the account of an invited person. A public endpoint: the link's token is the only
 * credential; the server layer checks it (under a row lock), the password rule and the list of
 * common passwords again.
 */
export async function acceptInvitationAction(
  token: unknown,
  input: unknown,
): Promise<ActionResult<{ email: string; councilSlug: string | null }>> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION_FAILED", "Vérifiez les champs signalés.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  const result = await acceptInvitation(await getDb(), typeof token === "string" ? token : "", parsed.data);
  // A council has one more member: its public page shows the count.
  if (result.ok && result.data.councilSlug) refreshPublicPages();
  return result;
}

/**
 * « Accepter l'invitation » for someone signed in with the invited address. A form action (works
 * without JavaScript): on success, straight to the council's space (or the signed-in space).
 */
export async function acceptInvitationAsUserAction(token: string, _previous: ActionResult<unknown> | null, _form: FormData): Promise<ActionResult<unknown>> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await acceptInvitationAsUser(await getDb(), actor, typeof token === "string" ? token : "");
  if (!result.ok) return result;
  refreshPublicPages();
  redirect(result.data.councilSlug ? `/espace/conseils/${result.data.councilSlug}?invitation=acceptee` : "/espace?invitation=acceptee");
}
