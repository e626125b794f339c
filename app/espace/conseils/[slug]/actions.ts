"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/server/db";
import { fail, unauthenticated, type ActionResult } from "@/lib/action-result";
import {
  councilInvitationSchema,
  removeMemberSchema,
  setMemberRoleSchema,
  setNameVisibilitySchema,
} from "@/lib/validation/council";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { removeMember } from "@/server/councils/remove-member";
import { setMemberRole } from "@/server/councils/set-member-role";
import { setNameVisibility } from "@/server/councils/set-name-visibility";
import { createCouncilInvitation } from "@/server/invitations/create-council-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";

/*
 * The council space's actions. Each parses its input with the form's schema, reads the actor from
 * the session, and lets the server layer authorize and act: anyone can POST to an action.
 */
const invalid = (error: z.ZodError) =>
  fail("VALIDATION_FAILED", "Vérifiez les champs signalés.", z.flattenError(error).fieldErrors as Record<string, string[]>);

/** The signed-in pages only: nothing public changed. */
const refreshSpace = () => revalidatePath("/espace", "layout");

export async function inviteMemberAction(councilId: unknown, input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = councilInvitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await createCouncilInvitation(await getDb(), actor, { councilId: Number(councilId), ...parsed.data });
  if (result.ok) refreshSpace();
  return result;
}

export async function revokeInvitationAction(invitationId: unknown): Promise<ActionResult<{ id: number }>> {
  const parsed = z.number().int().positive().safeParse(invitationId);
  if (!parsed.success) return invalid(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await revokeInvitation(await getDb(), actor, parsed.data);
  if (result.ok) refreshSpace();
  return result;
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<{ userId: number }>> {
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await removeMember(await getDb(), actor, parsed.data);
  // The public page shows the number of members (and maybe this member's name).
  if (result.ok) refreshPublicPages();
  return result;
}

export async function setMemberRoleAction(input: unknown): Promise<ActionResult<{ userId: number; role: "member" | "referent" }>> {
  const parsed = setMemberRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await setMemberRole(await getDb(), actor, parsed.data);
  if (result.ok) refreshSpace();
  return result;
}

export async function setNameVisibilityAction(input: unknown): Promise<ActionResult<{ visible: boolean }>> {
  const parsed = setNameVisibilitySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await setNameVisibility(await getDb(), actor, parsed.data);
  // The public page lists the names members chose to show.
  if (result.ok) refreshPublicPages();
  return result;
}

