"use server";

import { revalidatePath } from "next/cache";
import { fail, unauthenticated, type ActionResult } from "@/lib/action-result";
import { fieldErrorsOf, changeRolesSchema, inviteStaffSchema, userStatusSchema } from "@/lib/validation/admin";
import { getActor } from "@/server/auth/actor";
import { changeRoles } from "@/server/users/change-roles";
import { deactivateUser } from "@/server/users/deactivate-user";
import { inviteStaff } from "@/server/users/invite-staff";
import { reactivateUser } from "@/server/users/reactivate-user";
import { getDb } from "@/server/db";

/*
 * Thin server actions: parse with the form's schema, find who is asking, let the server layer
 * decide and write, refresh the admin pages. Anyone can POST to an action: every check is in server/.
 */
const invalidInput = (error: Parameters<typeof fieldErrorsOf>[0]) => fail("VALIDATION_FAILED", "Certains champs sont à corriger.", fieldErrorsOf(error));

export async function inviteStaffAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = inviteStaffSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await inviteStaff(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  revalidatePath("/admin/utilisateurs");
  return { ok: true, data: { email: result.data.email }, message: result.message };
}

export async function changeRolesAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const parsed = changeRolesSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await changeRoles(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  revalidatePath("/admin/utilisateurs", "layout");
  return { ok: true, data: { changed: result.data.changed }, message: result.message };
}

export async function deactivateUserAction(input: unknown): Promise<ActionResult<{ userId: number }>> {
  const parsed = userStatusSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await deactivateUser(await getDb(), actor, parsed.data);
  if (result.ok) revalidatePath("/admin/utilisateurs", "layout");
  return result;
}

export async function reactivateUserAction(input: unknown): Promise<ActionResult<{ userId: number }>> {
  const parsed = userStatusSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await reactivateUser(await getDb(), actor, parsed.data);
  if (result.ok) revalidatePath("/admin/utilisateurs", "layout");
  return result;
}
