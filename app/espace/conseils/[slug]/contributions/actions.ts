"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { unauthenticated, type ActionResult } from "@/lib/action-result";
import type { ContributionInput, EditPendingInput } from "@/lib/validation/contribution";
import { getActor } from "@/server/auth/actor";
import { commentDraft } from "@/server/contributions/comment-draft";
import { createDraft } from "@/server/contributions/create-draft";
import { editPendingContribution } from "@/server/contributions/edit-pending";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { withdrawContribution } from "@/server/contributions/withdraw-contribution";
import { getDb } from "@/server/db";

/*
 * Contribution actions of a council space. The server layer parses the input again with the
 * form's schema and authorizes: anyone can POST to an action. Nothing public changes here (only
 * a moderator's approval publishes), so only the signed-in pages are refreshed.
 */
const refreshSpace = () => revalidatePath("/espace", "layout");

export async function createDraftAction(input: ContributionInput): Promise<ActionResult<{ id: number }>> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await createDraft(await getDb(), actor, input);
  if (result.ok) refreshSpace();
  return result;
}

/** Corrects an item waiting for moderation; it stays pending (moderators see « modifié le … »). */
export async function editPendingAction(input: EditPendingInput): Promise<ActionResult<{ id: number }>> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await editPendingContribution(await getDb(), actor, input);
  if (!result.ok) return result;
  refreshSpace();
  revalidatePath("/moderation", "layout");
  return { ok: true, data: { id: result.data.id }, message: result.message };
}

export type FormState = { ok: boolean; message: string; n: number; body?: string } | null;

export async function commentDraftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const body = String(formData.get("body") ?? "");
  const n = Date.now();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n, body };
  const result = await commentDraft(await getDb(), actor, { contributionId: Number(formData.get("contributionId")), body });
  if (result.ok) refreshSpace();
  return result.ok
    ? { ok: true, message: result.message ?? "Commentaire ajouté.", n }
    : { ok: false, message: result.fieldErrors?.body?.[0] ?? result.message, n, body };
}

export async function submitContributionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const n = Date.now();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n };
  const id = Number(formData.get("id"));
  const result = await submitContribution(await getDb(), actor, { id });
  if (!result.ok) return { ok: false, message: result.message, n };
  refreshSpace();
  // The item moves to « En attente »: back to the list, with a fixed message.
  redirect(`/espace/conseils/${encodeURIComponent(String(formData.get("councilSlug") ?? ""))}/contributions?soumis=${id}#contribution-${id}`);
}

export async function withdrawContributionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const n = Date.now();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n };
  const id = Number(formData.get("id"));
  const result = await withdrawContribution(await getDb(), actor, { id });
  if (!result.ok) return { ok: false, message: result.message, n };
  refreshSpace();
  redirect(`/espace/conseils/${encodeURIComponent(String(formData.get("councilSlug") ?? ""))}/contributions?retire=${id}#contribution-${id}`);
}
