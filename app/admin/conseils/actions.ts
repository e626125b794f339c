"use server";

import { revalidatePath } from "next/cache";
import { fail, unauthenticated, type ActionResult } from "@/lib/action-result";
import { councilArchiveSchema, createCouncilSchema, fieldErrorsOf, updateCouncilSchema } from "@/lib/validation/admin";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { archiveCouncil, unarchiveCouncil } from "@/server/councils-admin/archive-council";
import { createCouncil } from "@/server/councils-admin/create-council";
import { updateCouncil } from "@/server/councils-admin/update-council";
import { getDb } from "@/server/db";

/*
 * Thin server actions for councils: parse, find who is asking, let the server layer decide and
 * write, then refresh every public page (they list the councils) and the admin pages.
 */
const invalidInput = (error: Parameters<typeof fieldErrorsOf>[0]) => fail("VALIDATION_FAILED", "Certains champs sont à corriger.", fieldErrorsOf(error));

function refreshAfterCouncilChange() {
  // revalidatePath("/", "layout") covers every page, the admin ones included.
  refreshPublicPages();
  revalidatePath("/admin/conseils", "layout");
}

export async function createCouncilAction(input: unknown): Promise<ActionResult<{ id: number; slug: string }>> {
  const parsed = createCouncilSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await createCouncil(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  refreshAfterCouncilChange();
  return { ok: true, data: { id: result.data.id, slug: result.data.slug }, message: result.message };
}

export async function updateCouncilAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const parsed = updateCouncilSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await updateCouncil(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  if (result.data.changed) refreshAfterCouncilChange();
  return { ok: true, data: { changed: result.data.changed }, message: result.message };
}

export async function archiveCouncilAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  const parsed = councilArchiveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await archiveCouncil(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  refreshAfterCouncilChange();
  return { ok: true, data: { slug: result.data.slug }, message: result.message };
}

export async function unarchiveCouncilAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  const parsed = councilArchiveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await unarchiveCouncil(await getDb(), actor, parsed.data);
  if (!result.ok) return result;
  refreshAfterCouncilChange();
  return { ok: true, data: { slug: result.data.slug }, message: result.message };
}
