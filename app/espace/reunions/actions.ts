"use server";

import { fail, fieldErrorsOf, unauthenticated, type ActionResult } from "@/lib/action-result";
import { meetingMinutesSchema, meetingSchema, updateMeetingSchema } from "@/lib/validation/meeting";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { createMeeting } from "@/server/meetings/create-meeting";
import { setMeetingMinutes } from "@/server/meetings/set-minutes";
import { updateMeeting } from "@/server/meetings/update-meeting";

/*
 * Thin server actions for meetings: parse, find who is asking, let the server layer decide and
 * write, then refresh every public page (the home page shows the next meeting; /reunions lists
 * them) — revalidatePath("/", "layout") covers the staff pages too.
 */
const invalidInput = (error: Parameters<typeof fieldErrorsOf>[0]) => fail("VALIDATION_FAILED", "Certains champs sont à corriger.", fieldErrorsOf(error));

export async function createMeetingAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await createMeeting(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  refreshPublicPages();
  return { ok: true, data: { slug: result.data.slug }, message: result.message };
}

export async function updateMeetingAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const parsed = updateMeetingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await updateMeeting(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  if (result.data.changed) refreshPublicPages();
  return { ok: true, data: { changed: result.data.changed }, message: result.message };
}

export async function setMinutesAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const parsed = meetingMinutesSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await setMeetingMinutes(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  if (result.data.changed) refreshPublicPages();
  return { ok: true, data: { changed: result.data.changed }, message: result.message };
}
